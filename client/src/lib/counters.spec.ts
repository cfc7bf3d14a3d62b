import { describe, expect, it } from 'vitest';
import { makeIncident } from '../test/fixtures';
import { liveCounts, newestAlerts } from './counters';

const claim = { userId: 'u1', username: 'officer1', at: '2026-11-22T18:01:00Z' };

describe('liveCounts', () => {
  it('counts open, unclaimed, critical and alarming incidents', () => {
    const sut = liveCounts({
      a: makeIncident({ id: 'a' }),
      b: makeIncident({ id: 'b', status: 'claimed', claimedBy: claim }),
      c: makeIncident({ id: 'c', kind: 'reckless', severity: 'high', source: 'social', status: 'verifying' }),
      d: makeIncident({ id: 'd', status: 'closed' }),
      e: makeIncident({ id: 'e', kind: 'speeding', severity: 'medium', status: 'actioned', claimedBy: claim }),
    });
    expect(sut).toEqual({ open: 4, unclaimed: 2, critical: 2, alarming: 1 });
  });

  it('is all zeros for an empty room', () => {
    expect(liveCounts({})).toEqual({ open: 0, unclaimed: 0, critical: 0, alarming: 0 });
  });
});

describe('newestAlerts', () => {
  it('keeps the newest active incidents by their latest alert, up to the limit', () => {
    const incidents = Object.fromEntries(
      Array.from({ length: 50 }, (_, i) => {
        const id = `i${i}`;
        return [id, makeIncident({ id, seq: i, lastSeenAt: new Date(Date.UTC(2026, 10, 22, 18, i)).toISOString() })];
      }),
    );
    incidents['closed'] = makeIncident({ id: 'closed', status: 'closed', lastSeenAt: '2026-11-23T00:00:00Z' });
    expect(newestAlerts(incidents, 3).map((i) => i.id)).toEqual(['i49', 'i48', 'i47']);
  });
});
