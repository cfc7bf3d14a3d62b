import nearestPointOnLine from '@turf/nearest-point-on-line';
import { lineString, point } from '@turf/helpers';
import type { CorridorFeature, GeoPoint } from '@rasd/shared';

/** Finds the corridor a point lies on, within `maxKm` of its centre-line (the data is good to 1–2 km). */
export function createCorridorLocator(features: readonly CorridorFeature[], maxKm = 2) {
  const lines = features.map((f) => ({ id: f.properties.id, line: lineString(f.geometry.coordinates) }));
  return (location: GeoPoint): string | null => {
    const p = point([location.lon, location.lat]);
    let best: { id: string; km: number } | null = null;
    for (const { id, line } of lines) {
      const km = nearestPointOnLine(line, p, { units: 'kilometers' }).properties.dist;
      if (km <= maxKm && (!best || km < best.km)) best = { id, km };
    }
    return best?.id ?? null;
  };
}
export type CorridorLocator = ReturnType<typeof createCorridorLocator>;
