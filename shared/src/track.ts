import { z } from 'zod';
import { geoPointSchema } from './common';

/** `forward`: the carriageway whose lawful direction runs in the order of the corridor's coordinates. */
export const carriageways = ['forward', 'backward'] as const;
export const carriagewaySchema = z.enum(carriageways);
export type Carriageway = z.infer<typeof carriagewaySchema>;

/** One camera sighting that belongs to a wrong-way track. */
export const trackObservationSchema = z.object({
  cameraId: z.string(),
  /** Distance along the corridor from its first vertex, km. */
  km: z.number(),
  location: geoPointSchema,
  observedAt: z.string(),
  speedKmh: z.number().nullable(),
  plate: z.string().nullable(),
});
export type TrackObservation = z.infer<typeof trackObservationSchema>;

/** A predicted position of the vehicle: where it will be (km, location) and when. */
export const trackPointSchema = z.object({ km: z.number(), location: geoPointSchema, at: z.string() });
export type TrackPoint = z.infer<typeof trackPointSchema>;

export const nextCameraSchema = z.object({ cameraId: z.string(), km: z.number(), location: geoPointSchema, eta: z.string() });
export type NextCamera = z.infer<typeof nextCameraSchema>;

/**
 * A wrong-way vehicle followed along one corridor carriageway: the sightings so far and, from the
 * last one, where it is expected next (positions along the corridor geometry with times).
 */
export const trackSchema = z.object({
  corridorId: z.string(),
  carriageway: carriagewaySchema,
  /** +1: the vehicle moves towards increasing km; -1: towards decreasing km. */
  direction: z.union([z.literal(1), z.literal(-1)]),
  speedKmh: z.number(),
  /** Sightings, oldest first. */
  path: z.array(trackObservationSchema).min(1),
  /** Cameras of the carriageway the vehicle passed without being seen. */
  missedCameraIds: z.array(z.string()),
  /** The corridor geometry from the first sighting to the last one. */
  trail: z.array(geoPointSchema),
  /** From the last sighting ahead, along the corridor geometry, with the expected time at each point. */
  projection: z.array(trackPointSchema),
  nextCameras: z.array(nextCameraSchema),
  /** Past this time without a new sighting the vehicle has left, turned or stopped: the prediction lapses. */
  lostAfter: z.string(),
});
export type Track = z.infer<typeof trackSchema>;

export interface TrackPosition {
  km: number;
  location: { lat: number; lon: number };
  /** True once `lostAfter` has passed: the position is the last prediction, no longer live. */
  lost: boolean;
}

/**
 * Where the vehicle is expected at `nowMs`, interpolated along the projection (shared so the map and
 * the dispatcher's intercept use the same estimate). Before the first projected point: the last sighting.
 */
export function trackPositionAt(track: Track, nowMs: number): TrackPosition {
  const last = track.path[track.path.length - 1]!;
  const lost = nowMs > Date.parse(track.lostAfter);
  const points: TrackPoint[] = [{ km: last.km, location: last.location, at: last.observedAt }, ...track.projection];
  // A lost track stays at the last point it was predicted to reach before lapsing.
  const t = Math.min(nowMs, Date.parse(track.lostAfter));
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const ta = Date.parse(a.at);
    const tb = Date.parse(b.at);
    if (t > tb) continue;
    const f = tb > ta ? Math.max(0, (t - ta) / (tb - ta)) : 1;
    return {
      km: a.km + (b.km - a.km) * f,
      location: { lat: a.location.lat + (b.location.lat - a.location.lat) * f, lon: a.location.lon + (b.location.lon - a.location.lon) * f },
      lost,
    };
  }
  const end = points[points.length - 1]!;
  return { km: end.km, location: end.location, lost };
}
