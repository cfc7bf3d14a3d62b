import { describe, expect, it } from 'vitest';
import { commanderRouteOf } from './commander-route';

describe('commanderRouteOf', () => {
  it('recognises the page and the printable report with its shift', () => {
    expect(commanderRouteOf('/commander', '')).toEqual({ page: 'commander' });
    expect(commanderRouteOf('/commander/', '?x=1')).toEqual({ page: 'commander' });
    expect(commanderRouteOf('/commander/report', '?at=2026-11-27T06:00:00.000Z')).toEqual({ page: 'report', at: '2026-11-27T06:00:00.000Z' });
  });
  it('ignores a bad instant and other paths', () => {
    expect(commanderRouteOf('/commander/report', '?at=yesterday')).toEqual({ page: 'report', at: null });
    expect(commanderRouteOf('/', '')).toBeNull();
    expect(commanderRouteOf('/wall', '')).toBeNull();
    expect(commanderRouteOf('/commanderx', '')).toBeNull();
  });
});
