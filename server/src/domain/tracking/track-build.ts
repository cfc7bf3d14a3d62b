import type { Carriageway, NextCamera, Track, TrackObservation, TrackPoint } from '@rasd/shared';
import { lawfulDirection, type CameraRegistry } from '../cameras';
import { normaliseKm, pointAt, progressKm, walk, type CorridorLine } from '../geo/corridor-line';

/** How far ahead the prediction reaches, km, and how finely it is sampled. */
export const horizonKm = 15;
const stepKm = 0.5;
const nextCameraCount = 3;
/** Speed assumed when no camera measured one and there is only one sighting. */
const fallbackKmh = 60;
const minKmh = 15;
const maxKmh = 220;

const plusSeconds = (iso: string, s: number) => new Date(Date.parse(iso) + s * 1000).toISOString();

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Speed over the whole path (long baselines make camera clock offsets negligible) blended with the
 * speeds the latest cameras measured, which react faster to a driver speeding up or slowing down.
 */
export function estimateSpeedKmh(line: CorridorLine, direction: 1 | -1, path: readonly TrackObservation[]): number {
  const first = path[0]!;
  const last = path[path.length - 1]!;
  const seconds = (Date.parse(last.observedAt) - Date.parse(first.observedAt)) / 1000;
  const km = progressKm(line, first.km, last.km, direction);
  const implied = seconds >= 20 && km > 0.1 ? (km / seconds) * 3600 : null;
  const measured = median(path.slice(-3).flatMap((o) => (o.speedKmh === null ? [] : [o.speedKmh])));
  const speed = implied !== null && measured !== null ? (implied + measured) / 2 : (implied ?? measured ?? fallbackKmh);
  return Math.min(Math.max(speed, minKmh), maxKmh);
}

/** How many km the vehicle can still go in its direction before the corridor ends (rings: the horizon). */
function roomAhead(line: CorridorLine, km: number, direction: 1 | -1): number {
  if (line.closed) return horizonKm;
  return Math.min(horizonKm, direction === 1 ? line.lengthKm - km : km);
}

/**
 * The whole track from its sightings: speed, cameras missed between sightings, the trail along the
 * corridor, the predicted positions ahead with times, the next cameras and when the prediction lapses.
 */
export function buildTrack(registry: CameraRegistry, corridorId: string, carriageway: Carriageway, sightings: readonly TrackObservation[]): Track {
  const line = registry.lines.get(corridorId)!;
  const direction = (-lawfulDirection(carriageway)) as 1 | -1;
  const path = [...sightings].sort((a, b) => Date.parse(a.observedAt) - Date.parse(b.observedAt));
  const first = path[0]!;
  const last = path[path.length - 1]!;
  const speedKmh = estimateSpeedKmh(line, direction, path);
  const secondsFor = (km: number) => (km / speedKmh) * 3600;
  const cameras = registry.onCarriageway(corridorId, carriageway);

  const seen = new Set(path.map((o) => o.cameraId));
  const missedCameraIds: string[] = [];
  for (let i = 1; i < path.length; i++) {
    const span = progressKm(line, path[i - 1]!.km, path[i]!.km, direction);
    for (const c of cameras) {
      const d = progressKm(line, path[i - 1]!.km, c.km, direction);
      if (d > 0.05 && d < span - 0.05 && !seen.has(c.id) && !missedCameraIds.includes(c.id)) missedCameraIds.push(c.id);
    }
  }

  const room = roomAhead(line, last.km, direction);
  const projection: TrackPoint[] = [];
  for (let s = stepKm; s < room + stepKm; s += stepKm) {
    const d = Math.min(s, room);
    const km = normaliseKm(line, last.km + direction * d);
    projection.push({ km, location: pointAt(line, km), at: plusSeconds(last.observedAt, secondsFor(d)) });
    if (d === room) break;
  }

  const nextCameras: NextCamera[] = cameras
    .map((c) => ({ c, d: progressKm(line, last.km, c.km, direction) }))
    .filter(({ d }) => d > 0.05 && d <= room)
    .sort((a, b) => a.d - b.d)
    .slice(0, nextCameraCount)
    .map(({ c, d }) => ({ cameraId: c.id, km: c.km, location: c.location, eta: plusSeconds(last.observedAt, secondsFor(d)) }));

  // Lapses when the next camera should have seen it, with slack for a missed read; with no camera
  // ahead, once it would have reached the end of the prediction.
  const legS = nextCameras[0] ? secondsFor(progressKm(line, last.km, nextCameras[0].km, direction)) : secondsFor(room);
  const lostAfter = plusSeconds(last.observedAt, legS + Math.max(60, legS * 0.5));

  return {
    corridorId,
    carriageway,
    direction,
    speedKmh: Math.round(speedKmh),
    path,
    missedCameraIds,
    trail: walk(line, first.km, progressKm(line, first.km, last.km, direction), direction),
    projection,
    nextCameras,
    lostAfter,
  };
}
