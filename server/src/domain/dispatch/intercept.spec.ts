import { describe, expect, it } from 'vitest';
import { corridors, type Unit } from '@rasd/shared';
import { createCameraRegistry } from '../cameras';
import { pointAt } from '../geo/corridor-line';
import { buildRoadNetwork, travelFrom } from '../network/road-network';
import { buildTrack } from '../tracking/track-build';
import { cruiseKmh, interceptFor, proposeUnits, setupMarginS } from './intercept';

const registry = createCameraRegistry(corridors.features);
const network = buildRoadNetwork(registry.lines);
const line = registry.lines.get('mehwar_26_july')!;
const t0 = Date.parse('2026-11-27T18:00:00Z');
const at = (s: number) => new Date(t0 + s * 1000).toISOString();
// Wrong way on the forward carriageway: towards decreasing km, seen at km 14 then km 11.5 at 100 km/h.
const [c1, c2] = [...registry.onCarriageway('mehwar_26_july', 'forward')].reverse();
const track = buildTrack(registry, 'mehwar_26_july', 'forward', [
  { cameraId: c1!.id, km: c1!.km, location: c1!.location, observedAt: at(0), speedKmh: 100, plate: null },
  { cameraId: c2!.id, km: c2!.km, location: c2!.location, observedAt: at(((c1!.km - c2!.km) / 100) * 3600), speedKmh: 100, plate: null },
]);
const now = Date.parse(track.path[1]!.observedAt);

function unit(id: string, km: number, extra: Partial<Unit> = {}, corridorId = 'mehwar_26_july'): Unit {
  const position = pointAt(registry.lines.get(corridorId)!, km);
  return { id, seq: 1, callSign: id, kind: 'car', status: 'available', position, positionAt: at(0), assignment: null, updatedAt: at(0), ...extra };
}

describe('intercept', () => {
  it('finds the first point ahead of the vehicle that a unit ahead reaches with the setup margin', () => {
    const ahead = c2!.km - 8;
    const sut = interceptFor(track, 'car', travelFrom(network, { corridorId: 'mehwar_26_july', km: ahead }), now);
    expect(sut).not.toBeNull();
    // Between the vehicle and the unit, the unit first by at least the setup margin.
    expect(sut!.km).toBeLessThan(c2!.km);
    expect(sut!.km).toBeGreaterThan(ahead);
    expect(sut!.marginS).toBeGreaterThanOrEqual(setupMarginS);
    const vehicleS = (Date.parse(sut!.vehicleEta) - now) / 1000;
    const unitS = (Date.parse(sut!.unitEta) - now) / 1000;
    expect(vehicleS - unitS).toBeCloseTo(sut!.marginS, -1);
    expect(unitS).toBeCloseTo((Math.abs(sut!.km - ahead) / cruiseKmh.car) * 3600, -1);
  });

  it('has no intercept for a unit behind the vehicle or for a track that has lapsed', () => {
    const behind = travelFrom(network, { corridorId: 'mehwar_26_july', km: c1!.km + 1 });
    expect(interceptFor(track, 'car', behind, now)).toBeNull();
    const ahead = travelFrom(network, { corridorId: 'mehwar_26_july', km: c2!.km - 8 });
    expect(interceptFor(track, 'car', ahead, Date.parse(track.lostAfter) + 1000)).toBeNull();
  });

  it('gives a slower unit a smaller margin, or none', () => {
    const from = travelFrom(network, { corridorId: 'mehwar_26_july', km: c2!.km - 4 });
    const car = interceptFor(track, 'car', from, now);
    const bike = interceptFor(track, 'motorcycle', from, now);
    expect(car).not.toBeNull();
    if (bike) expect(bike.km).toBeLessThanOrEqual(car!.km);
  });
});

describe('unit proposals', () => {
  it('proposes available units only, nearest by travel along the corridors first', () => {
    const units = [
      unit('far', 2, {}, 'ring_road'),
      unit('near', 8, {}, 'mehwar_26_july'),
      unit('busy', 9, { status: 'en_route' }),
      unit('resting', 9, { status: 'off_duty' }),
      unit('lost', 9, { position: null }),
    ];
    const sut = proposeUnits(network, { location: pointAt(line, 10), corridorId: 'mehwar_26_july' }, units, now);
    expect(sut.map((p) => p.unitId)).toEqual(['near', 'far']);
    expect(sut[0]!.travelKm).toBeCloseTo(2, 0);
    expect(sut[0]!.etaS).toBe(Math.round((sut[0]!.travelKm / cruiseKmh.car) * 3600));
    expect(sut[0]!.intercept).toBeNull();
  });

  it('puts units that can get ahead of a wrong-way vehicle first, with their intercept and margin', () => {
    const units = [unit('behind', c1!.km + 0.5), unit('ahead', c2!.km - 7)];
    const sut = proposeUnits(network, { location: track.path[1]!.location, corridorId: 'mehwar_26_july', track }, units, now, (c, km) => `${c}@${Math.round(km)}`);
    expect(sut[0]!.unitId).toBe('ahead');
    expect(sut[0]!.intercept).toMatchObject({ corridorId: 'mehwar_26_july', nearestCameraId: expect.stringMatching(/^mehwar_26_july@/) });
    expect(sut[1]!.unitId).toBe('behind');
    expect(sut[1]!.intercept).toBeNull();
  });
});
