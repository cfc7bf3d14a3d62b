import { trackPositionAt, type Incident, type Track } from '@rasd/shared';
import { isActive } from './incidents';

/** Incidents whose wrong-way track is drawn on the map: open ones that carry a track. */
export function trackedIncidents(incidents: Record<string, Incident>): (Incident & { track: Track })[] {
  return Object.values(incidents).filter((i): i is Incident & { track: Track } => Boolean(i.track) && isActive(i));
}

/** Leaflet positions ([lat, lon]) of a list of points. */
export const latLngs = (points: readonly { lat: number; lon: number }[]): [number, number][] => points.map((p) => [p.lat, p.lon]);

/** The projected path still ahead of the vehicle at `nowMs`: from its estimated position onwards. */
export function projectionAhead(track: Track, nowMs: number): [number, number][] {
  const here = trackPositionAt(track, nowMs);
  const rest = track.projection.filter((p) => Date.parse(p.at) > nowMs);
  return latLngs([here.location, ...rest.map((p) => p.location)]);
}

/** Seconds until an ISO time, never negative. */
export const secondsUntil = (iso: string, nowMs: number) => Math.max(0, Math.round((Date.parse(iso) - nowMs) / 1000));
