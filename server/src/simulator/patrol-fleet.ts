import distance from '@turf/distance';
import type { GeoPoint, Unit, UnitCreate, UnitReport } from '@rasd/shared';
import { cruiseKmh } from '../domain/dispatch/intercept';
import { normaliseKm, pointAt } from '../domain/geo/corridor-line';
import { route, snap } from '../domain/network/road-network';
import type { RoadGeography } from '../domain/road-geography';

/** The demo's patrol units and where each starts its beat. */
export const fleet: (UnitCreate & { corridorId: string; km: number })[] = [
  { callSign: 'P-101', kind: 'car', corridorId: 'ring_road', km: 8 },
  { callSign: 'P-102', kind: 'car', corridorId: 'ring_road', km: 30 },
  { callSign: 'P-103', kind: 'car', corridorId: 'ring_road', km: 55 },
  { callSign: 'P-104', kind: 'car', corridorId: 'mehwar_26_july', km: 12 },
  { callSign: 'P-105', kind: 'car', corridorId: 'autostrad', km: 10 },
  { callSign: 'M-201', kind: 'motorcycle', corridorId: 'salah_salem', km: 5 },
  { callSign: 'M-202', kind: 'motorcycle', corridorId: 'corniche_el_nil', km: 12 },
  { callSign: 'M-203', kind: 'motorcycle', corridorId: 'kobri_6_october', km: 4 },
];

const patrolKmh = 45;
const onSceneS = 45;

interface Beat {
  corridorId: string;
  km: number;
  direction: 1 | -1;
  /** A route to an assignment being driven: the polyline and the km covered on it. */
  drive: { incidentId: string; points: GeoPoint[]; done: number } | null;
  sceneSince: number | null;
}

/** Moves `km` along a polyline from `done` km; returns the point reached and whether it is the end. */
function alongPolyline(points: readonly GeoPoint[], doneKm: number): { at: GeoPoint; end: boolean } {
  let left = doneKm;
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1]!, points[i]!];
    const d = distance([a.lon, a.lat], [b.lon, b.lat], { units: 'kilometers' });
    if (left <= d) {
      const f = d > 0 ? left / d : 1;
      return { at: { lat: a.lat + (b.lat - a.lat) * f, lon: a.lon + (b.lon - a.lon) * f }, end: false };
    }
    left -= d;
  }
  return { at: points[points.length - 1]!, end: true };
}

/**
 * Simulated patrol units: available ones drive their beat up and down a corridor; an assigned one
 * drives the road network to its target, reports on scene on arrival and done a while later.
 */
export function createPatrolFleet(geo: RoadGeography, random: () => number) {
  const beats = new Map<string, Beat>();

  function beatOf(unit: Unit): Beat {
    let beat = beats.get(unit.id);
    if (!beat) {
      const home = fleet.find((f) => f.callSign === unit.callSign);
      const at = unit.position ? snap(geo.network, unit.position) : { corridorId: home?.corridorId ?? 'ring_road', km: home?.km ?? 0 };
      beat = { corridorId: at.corridorId, km: at.km, direction: random() < 0.5 ? 1 : -1, drive: null, sceneSince: null };
      beats.set(unit.id, beat);
    }
    return beat;
  }

  function patrol(beat: Beat, dtSec: number): GeoPoint {
    const line = geo.network.lines.get(beat.corridorId)!;
    let km = beat.km + (beat.direction * patrolKmh * dtSec) / 3600;
    // Open corridors: turn round at the ends; rings go round.
    if (!line.closed && (km <= 0 || km >= line.lengthKm)) beat.direction = (-beat.direction) as 1 | -1;
    km = normaliseKm(line, km);
    beat.km = km;
    return pointAt(line, km);
  }

  return {
    /** One tick: the reports each unit's device would send. `targetOf` gives an assignment's destination. */
    step(units: readonly Unit[], nowMs: number, dtSec: number, targetOf: (unit: Unit) => GeoPoint | null): { unit: Unit; report: UnitReport }[] {
      const reports: { unit: Unit; report: UnitReport }[] = [];
      for (const unit of units) {
        const beat = beatOf(unit);
        if (unit.status === 'off_duty') continue;
        if (unit.status === 'on_scene') {
          beat.sceneSince ??= nowMs;
          if (nowMs - beat.sceneSince >= onSceneS * 1000) {
            beat.sceneSince = null;
            beat.drive = null;
            reports.push({ unit, report: { status: 'available' } });
          }
          continue;
        }
        const target = unit.status === 'en_route' && unit.assignment ? targetOf(unit) : null;
        if (target && unit.assignment) {
          if (beat.drive?.incidentId !== unit.assignment.incidentId) {
            const from = unit.position ? snap(geo.network, unit.position) : beat;
            beat.drive = { incidentId: unit.assignment.incidentId, points: route(geo.network, from, snap(geo.network, target)), done: 0 };
          }
          beat.drive.done += (cruiseKmh[unit.kind] * dtSec) / 3600;
          const { at, end } = alongPolyline(beat.drive.points, beat.drive.done);
          if (end) {
            Object.assign(beat, snap(geo.network, at), { drive: null, sceneSince: nowMs });
            reports.push({ unit, report: { position: at, status: 'on_scene' } });
          } else reports.push({ unit, report: { position: at } });
          continue;
        }
        if (beat.drive) Object.assign(beat, unit.position ? snap(geo.network, unit.position) : {}, { drive: null });
        reports.push({ unit, report: { position: patrol(beat, dtSec) } });
      }
      return reports;
    },
  };
}
