import { describe, expect, it } from 'vitest';
import { makeIncident } from '../test/fixtures';
import { activeNewestFirst, corridorName } from './incidents';

describe('activeNewestFirst', () => {
  it('orders by lastSeenAt, newest first, and leaves out closed, merged and rejected', () => {
    const incidents = Object.fromEntries(
      [
        makeIncident({ id: 'old', lastSeenAt: '2026-11-22T10:00:00Z' }),
        makeIncident({ id: 'new', lastSeenAt: '2026-11-22T12:00:00Z' }),
        makeIncident({ id: 'mid', lastSeenAt: '2026-11-22T11:00:00+00:00' }),
        makeIncident({ id: 'closed', status: 'closed', lastSeenAt: '2026-11-22T13:00:00Z' }),
        makeIncident({ id: 'merged', status: 'merged' }),
        makeIncident({ id: 'rejected', status: 'rejected' }),
      ].map((i) => [i.id, i]),
    );
    expect(activeNewestFirst(incidents).map((i) => i.id)).toEqual(['new', 'mid', 'old']);
  });
});

describe('corridorName', () => {
  it('names a known corridor in the language asked for', () => {
    expect(corridorName('ring_road', 'ar')).toBe('الطريق الدائري');
    expect(corridorName('ring_road', 'en')).toBe('Cairo Ring Road');
  });

  it('falls back to the id for an unknown corridor and null for none', () => {
    expect(corridorName('somewhere', 'en')).toBe('somewhere');
    expect(corridorName(null, 'en')).toBeNull();
  });
});
