import { corridors, type Incident } from '@rasd/shared';
import { isActive } from './incidents';

/** [[south, west], [north, east]], as Leaflet's fitBounds takes it. */
export type Bounds = [[number, number], [number, number]];

function extend(bounds: Bounds | null, lat: number, lon: number): Bounds {
  if (!bounds) return [[lat, lon], [lat, lon]];
  const [[s, w], [n, e]] = bounds;
  return [[Math.min(s, lat), Math.min(w, lon)], [Math.max(n, lat), Math.max(e, lon)]];
}

const corridorBounds = new Map(
  corridors.features.map((f) => [
    f.properties.id,
    f.geometry.coordinates.reduce<Bounds | null>((b, [lon, lat]) => extend(b, lat, lon), null)!,
  ]),
);

/** Every corridor: what the wall shows when nothing is happening. */
export const allCorridorsBounds: Bounds = [...corridorBounds.values()].reduce<Bounds | null>(
  (b, [[s, w], [n, e]]) => extend(extend(b, s, w), n, e),
  null,
)!;

/**
 * The area the wall should frame: the whole of every corridor with an active incident, plus any
 * incident off the corridors. Whole corridors (not just the points) keep the picture steady while
 * a wrong-way driver moves along one.
 */
export function activityBounds(incidents: Iterable<Incident>): Bounds {
  let bounds: Bounds | null = null;
  const seen = new Set<string>();
  for (const incident of incidents) {
    if (!isActive(incident)) continue;
    const corridor = incident.corridorId ? corridorBounds.get(incident.corridorId) : undefined;
    if (corridor && incident.corridorId && !seen.has(incident.corridorId)) {
      seen.add(incident.corridorId);
      bounds = extend(extend(bounds, corridor[0][0], corridor[0][1]), corridor[1][0], corridor[1][1]);
    }
    bounds = extend(bounds, incident.location.lat, incident.location.lon);
  }
  return bounds ?? allCorridorsBounds;
}

/** A key that changes only when the framed area would: the set of corridors with activity plus off-corridor points. */
export function activityKey(incidents: Iterable<Incident>): string {
  const parts = new Set<string>();
  for (const incident of incidents) {
    if (!isActive(incident)) continue;
    // Off-corridor incidents are rounded to ~1 km so small moves do not refit the wall.
    parts.add(incident.corridorId ?? `${incident.location.lat.toFixed(2)},${incident.location.lon.toFixed(2)}`);
  }
  return [...parts].sort().join('|');
}
