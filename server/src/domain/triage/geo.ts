import along from '@turf/along';
import distance from '@turf/distance';
import { lineString, point } from '@turf/helpers';
import length from '@turf/length';
import nearestPointOnLine from '@turf/nearest-point-on-line';
import type { GeoPoint } from '@rasd/shared';

/** Geometry on [lon, lat] polylines, through turf, in kilometres. */

export type LonLat = readonly [number, number];

const toPoint = (p: GeoPoint) => point([p.lon, p.lat]);
const toLine = (line: readonly LonLat[]) => lineString(line.map(([lon, lat]) => [lon, lat]));
const fromCoords = ([lon, lat]: number[]): GeoPoint => ({ lat: lat!, lon: lon! });

export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  return distance(toPoint(a), toPoint(b), { units: 'kilometers' });
}

/** The point of a polyline nearest to `p`, and how far it is. */
export function nearestOnLine(line: readonly LonLat[], p: GeoPoint): { point: GeoPoint; km: number } {
  const nearest = nearestPointOnLine(toLine(line), toPoint(p), { units: 'kilometers' });
  return { point: fromCoords(nearest.geometry.coordinates), km: nearest.properties.dist };
}

export function lineLengthKm(line: readonly LonLat[]): number {
  return length(toLine(line), { units: 'kilometers' });
}

/** The point `fraction` (0..1) of the way along a polyline. */
export function pointAlong(line: readonly LonLat[], fraction: number): GeoPoint {
  const feature = toLine(line);
  const km = length(feature, { units: 'kilometers' }) * Math.max(0, Math.min(1, fraction));
  return fromCoords(along(feature, km, { units: 'kilometers' }).geometry.coordinates);
}
