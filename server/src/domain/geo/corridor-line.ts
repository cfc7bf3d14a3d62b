import along from '@turf/along';
import bearing from '@turf/bearing';
import distance from '@turf/distance';
import { lineString, point } from '@turf/helpers';
import length from '@turf/length';
import nearestPointOnLine from '@turf/nearest-point-on-line';
import type { CorridorFeature, GeoPoint } from '@rasd/shared';

/** A corridor centre-line measured in km from its first vertex (rings: the last vertex is the first). */
export interface CorridorLine {
  id: string;
  lengthKm: number;
  closed: boolean;
  line: ReturnType<typeof lineString>;
  /** Distance of each vertex from the first one, km. */
  vertexKm: number[];
}

export function corridorLine(feature: CorridorFeature): CorridorLine {
  const coords = feature.geometry.coordinates;
  const line = lineString(coords);
  const vertexKm = [0];
  for (let i = 1; i < coords.length; i++) vertexKm.push(vertexKm[i - 1]! + distance(coords[i - 1]!, coords[i]!, { units: 'kilometers' }));
  return { id: feature.properties.id, lengthKm: length(line, { units: 'kilometers' }), closed: Boolean(feature.properties.closed), line, vertexKm };
}

/** A km on the line: wrapped round a ring, clamped to the ends of an open corridor. */
export function normaliseKm(corridor: CorridorLine, km: number): number {
  if (corridor.closed) return ((km % corridor.lengthKm) + corridor.lengthKm) % corridor.lengthKm;
  return Math.min(Math.max(km, 0), corridor.lengthKm);
}

export function pointAt(corridor: CorridorLine, km: number): GeoPoint {
  const [lon, lat] = along(corridor.line, normaliseKm(corridor, km), { units: 'kilometers' }).geometry.coordinates;
  return { lat: lat!, lon: lon! };
}

/** Compass heading of travel at `km` when moving towards increasing (`+1`) or decreasing (`-1`) km. */
export function headingAt(corridor: CorridorLine, km: number, direction: 1 | -1): number {
  const [from, to] = direction === 1 ? [km, km + 0.05] : [km, km - 0.05];
  const edge = !corridor.closed && (to < 0 || to > corridor.lengthKm);
  const [a, b] = edge ? [pointAt(corridor, from - (to - from)), pointAt(corridor, from)] : [pointAt(corridor, from), pointAt(corridor, to)];
  return (bearing([a.lon, a.lat], [b.lon, b.lat]) + 360) % 360;
}

/** Where a point lies along the corridor, and how far it is from the centre-line. */
export function locateOn(corridor: CorridorLine, location: GeoPoint): { km: number; offKm: number } {
  const snapped = nearestPointOnLine(corridor.line, point([location.lon, location.lat]), { units: 'kilometers' });
  return { km: snapped.properties.location, offKm: snapped.properties.dist };
}

/**
 * How far a move from `fromKm` to `toKm` goes in `direction`: on an open corridor negative when it
 * goes backwards; on a ring always the way round in that direction.
 */
export function progressKm(corridor: CorridorLine, fromKm: number, toKm: number, direction: 1 | -1): number {
  const d = (toKm - fromKm) * direction;
  return corridor.closed ? ((d % corridor.lengthKm) + corridor.lengthKm) % corridor.lengthKm : d;
}

/**
 * The corridor geometry walked from `fromKm` for `distanceKm` in `direction`, vertices included, so a
 * drawn path follows the road rather than cutting corners. Open corridors stop at their ends.
 */
export function walk(corridor: CorridorLine, fromKm: number, distanceKm: number, direction: 1 | -1): GeoPoint[] {
  const points: GeoPoint[] = [pointAt(corridor, fromKm)];
  const coords = corridor.line.geometry.coordinates;
  let km = normaliseKm(corridor, fromKm);
  let left = Math.max(0, distanceKm);
  const vertex = (i: number): GeoPoint => ({ lon: coords[i]![0]!, lat: coords[i]![1]! });
  while (left > 1e-9) {
    // The vertices passed before the next end of the line, in walking order.
    const end = direction === 1 ? corridor.lengthKm : 0;
    const room = Math.abs(end - km);
    const step = Math.min(room, left);
    const target = km + direction * step;
    const between = corridor.vertexKm
      .map((v, i) => [v, i] as const)
      .filter(([v]) => (direction === 1 ? v > km && v < target : v < km && v > target));
    if (direction === -1) between.reverse();
    for (const [, i] of between) points.push(vertex(i));
    if (step > 0) points.push(pointAt(corridor, target));
    left -= step;
    if (left <= 1e-9 || !corridor.closed) break;
    // Round a ring: carry on from the other end, which is the same point.
    km = direction === 1 ? 0 : corridor.lengthKm;
  }
  return points;
}
