import { describe, expect, it } from 'vitest';
import { corridors } from '@rasd/shared';
import { createCameraRegistry } from '../cameras';
import { locateOn, pointAt } from '../geo/corridor-line';
import { buildRoadNetwork, route, straightKm, travelFrom } from './road-network';

const registry = createCameraRegistry(corridors.features);
const sut = buildRoadNetwork(registry.lines);

describe('road network', () => {
  it('connects every corridor to the Ring Road', () => {
    const fromRing = travelFrom(sut, { corridorId: 'ring_road', km: 0 });
    for (const line of registry.lines.values()) expect(fromRing({ corridorId: line.id, km: line.lengthKm / 2 }), line.id).toBeLessThan(Infinity);
  });

  it('measures along one corridor as its km, and round a ring the short way', () => {
    const along = travelFrom(sut, { corridorId: 'mehwar_26_july', km: 2 });
    expect(along({ corridorId: 'mehwar_26_july', km: 7 })).toBeCloseTo(5, 6);
    const ring = registry.lines.get('ring_road')!;
    const round = travelFrom(sut, { corridorId: 'ring_road', km: 1 });
    expect(round({ corridorId: 'ring_road', km: ring.lengthKm - 1 })).toBeCloseTo(2, 6);
  });

  it('never travels less than the straight line between two points', () => {
    const pairs = [
      ['autostrad', 5, 'mehwar_26_july', 10],
      ['salah_salem', 3, 'cairo_alex_desert_road', 20],
      ['corniche_el_nil', 8, 'cairo_suez_road', 5],
    ] as const;
    for (const [a, ka, b, kb] of pairs) {
      const km = travelFrom(sut, { corridorId: a, km: ka })({ corridorId: b, km: kb });
      const straight = straightKm(pointAt(registry.lines.get(a)!, ka), pointAt(registry.lines.get(b)!, kb));
      expect(km).toBeGreaterThanOrEqual(straight - 0.7);
      expect(km).toBeLessThan(straight * 4);
    }
  });

  it('routes along the corridors, so a moving unit stays on the roads', () => {
    const path = route(sut, { corridorId: 'autostrad', km: 4 }, { corridorId: 'ring_road', km: 30 });
    expect(path.length).toBeGreaterThan(2);
    const lines = [...registry.lines.values()];
    for (const p of path) expect(Math.min(...lines.map((l) => locateOn(l, p).offKm))).toBeLessThan(0.7);
  });
});
