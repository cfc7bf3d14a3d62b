import { describe, expect, it } from 'vitest';
import { findCorridor } from '@rasd/shared';
import { makeIncident } from '../test/fixtures';
import { activityBounds, activityKey, allCorridorsBounds } from './fit';

describe('activityBounds', () => {
  it('frames every corridor when nothing is active', () => {
    expect(activityBounds([])).toEqual(allCorridorsBounds);
    expect(activityBounds([makeIncident({ status: 'closed' })])).toEqual(allCorridorsBounds);
  });

  it('frames the whole corridor of an active incident', () => {
    const ring = findCorridor('ring_road')!.geometry.coordinates;
    const [[s, w], [n, e]] = activityBounds([makeIncident({ corridorId: 'ring_road' })]);
    expect(s).toBe(Math.min(...ring.map(([, lat]) => lat)));
    expect(e).toBe(Math.max(...ring.map(([lon]) => lon)));
    expect(n).toBeGreaterThan(s);
    expect(e).toBeGreaterThan(w);
  });

  it('includes an incident off the corridors', () => {
    const [[s]] = activityBounds([makeIncident({ corridorId: null, location: { lat: 29.5, lon: 31.2 } })]);
    expect(s).toBe(29.5);
  });
});

describe('activityKey', () => {
  it('changes with the set of corridors, not with each incident', () => {
    const a = makeIncident({ id: 'a', corridorId: 'ring_road' });
    const b = makeIncident({ id: 'b', corridorId: 'ring_road', location: { lat: 30.1, lon: 31.4 } });
    expect(activityKey([a])).toBe(activityKey([a, b]));
    expect(activityKey([a, makeIncident({ id: 'c', corridorId: 'autostrad' })])).not.toBe(activityKey([a]));
  });
});
