import type { Detection, Track, TrackObservation } from '@rasd/shared';
import { lawfulDirection, type Camera, type CameraRegistry } from '../cameras';
import { headingAt, progressKm, type CorridorLine } from '../geo/corridor-line';
import { comparePlates } from './plate-match';
import { buildTrack } from './track-build';

/** Tolerances of track folding; the defaults suit roadside cameras a few seconds out of sync. */
export const foldPolicy = {
  /** Camera clocks may be this many seconds off each other. */
  clockSkewS: 15,
  /** The same camera seeing the vehicle again within this many seconds is one passage. */
  resightS: 20,
  /** Longest silence between two sightings of one vehicle (missed cameras included). */
  maxGapS: 15 * 60,
  minKmh: 15,
  maxKmh: 220,
  /** Measured speeds may differ from the speed implied between cameras by this factor. */
  speedFactor: 1.6,
};

export interface Sighting {
  camera: Camera;
  observation: TrackObservation;
}

const angleBetween = (a: number, b: number) => Math.abs(((a - b + 540) % 360) - 180);

/**
 * A detection as a sighting on a known camera's carriageway, or null when it cannot be part of a
 * track: another kind, a camera not in the registry, or a heading that is the lawful one.
 */
export function sightingOf(registry: CameraRegistry, detection: Detection): Sighting | null {
  if (detection.kind !== 'wrong_way') return null;
  const camera = registry.byId(detection.cameraId);
  if (!camera) return null;
  const line = registry.lines.get(camera.corridorId)!;
  if (detection.headingDeg !== undefined && angleBetween(detection.headingDeg, headingAt(line, camera.km, lawfulDirection(camera.carriageway))) < 90) {
    return null;
  }
  return {
    camera,
    observation: {
      cameraId: camera.id,
      km: camera.km,
      location: camera.location,
      observedAt: new Date(detection.observedAt).toISOString(),
      speedKmh: detection.speedKmh ?? null,
      plate: detection.plate ?? null,
    },
  };
}

/** The speeds (km/h) a move of `km` in `seconds` can imply once camera clocks may be `skew` off. */
function impliedRange(km: number, seconds: number, skew: number): [number, number] {
  const slow = (km / (seconds + skew)) * 3600;
  const fast = seconds - skew > 0 ? (km / (seconds - skew)) * 3600 : Infinity;
  return [slow, fast];
}

/**
 * How badly two successive sightings fit one vehicle moving in `direction`: Infinity when they
 * cannot (backwards, too fast or slow, too long apart), else the mismatch with the measured speeds.
 */
export function legMismatch(line: CorridorLine, direction: 1 | -1, a: TrackObservation, b: TrackObservation, policy = foldPolicy): number {
  const seconds = (Date.parse(b.observedAt) - Date.parse(a.observedAt)) / 1000;
  if (seconds > policy.maxGapS) return Infinity;
  let km = progressKm(line, a.km, b.km, direction);
  // Round a ring, a step just behind is a move backwards, not almost a full lap.
  if (line.closed && km > line.lengthKm / 2) km -= line.lengthKm;
  if (Math.abs(km) <= 0.05) return Math.abs(seconds) <= policy.resightS + policy.clockSkewS ? 0 : Infinity;
  if (km < 0) return Infinity;
  const [slow, fast] = impliedRange(km, Math.max(seconds, 0), policy.clockSkewS);
  const measured = [a.speedKmh, b.speedKmh].filter((s): s is number => s !== null && s > 0);
  const lo = Math.max(policy.minKmh, measured.length ? Math.min(...measured) / policy.speedFactor : policy.minKmh);
  const hi = Math.min(policy.maxKmh, measured.length ? Math.max(...measured) * policy.speedFactor : policy.maxKmh);
  if (fast < lo || slow > hi) return Infinity;
  if (!measured.length) return 0.5;
  const implied = (km / Math.max(seconds, 1)) * 3600;
  const mean = measured.reduce((s, x) => s + x, 0) / measured.length;
  return Math.abs(Math.log(implied / mean));
}

export interface TrackCandidate {
  id: string;
  track: Track;
}

export interface FoldResult {
  /** The incident the sighting joins, or null: it starts a new track. */
  joins: string | null;
  track: Track;
}

/** How well the sighting fits a track (lower is better), or Infinity when it is another vehicle. */
function fit(registry: CameraRegistry, candidate: Track, sighting: Sighting, policy: typeof foldPolicy): number {
  if (candidate.corridorId !== sighting.camera.corridorId || candidate.carriageway !== sighting.camera.carriageway) return Infinity;
  const plates = candidate.path.map((o) => comparePlates(o.plate, sighting.observation.plate));
  if (plates.includes('different') && !plates.includes('same')) return Infinity;
  const line = registry.lines.get(candidate.corridorId)!;
  // Sightings arrive out of order: check the sighting in its place in time, against both neighbours.
  const path = [...candidate.path, sighting.observation].sort((a, b) => Date.parse(a.observedAt) - Date.parse(b.observedAt));
  const at = path.indexOf(sighting.observation);
  let mismatch = 0;
  for (const [a, b] of [[path[at - 1], path[at]], [path[at], path[at + 1]]] as const) {
    if (a && b) mismatch += legMismatch(line, candidate.direction, a, b, policy);
  }
  const plateBonus = plates.includes('same') ? 0 : plates.includes('similar') ? 0.3 : 0.6;
  return mismatch + plateBonus;
}

/**
 * Folds a wrong-way sighting into the best-fitting track among the candidates (same corridor and
 * carriageway, recent), or starts a new one. Two vehicles at once stay apart by plate and by timing.
 */
export function foldSighting(registry: CameraRegistry, candidates: readonly TrackCandidate[], sighting: Sighting, policy = foldPolicy): FoldResult {
  let best: { candidate: TrackCandidate; score: number } | null = null;
  for (const candidate of candidates) {
    const score = fit(registry, candidate.track, sighting, policy);
    if (Number.isFinite(score) && (!best || score < best.score)) best = { candidate, score };
  }
  const { corridorId, carriageway } = sighting.camera;
  if (!best) return { joins: null, track: buildTrack(registry, corridorId, carriageway, [sighting.observation]) };
  const path = [...best.candidate.track.path, sighting.observation];
  return { joins: best.candidate.id, track: buildTrack(registry, corridorId, carriageway, path) };
}
