/**
 * What the producer posts and how each alert carries its send time: the eventId ends with
 * `.<measured 0|1>.<second of the measured window>.<seq>.<send time, monotonic µs>`, and the server
 * echoes the detection (so the eventId) back in every `alert:new`.
 */

export interface Stamp {
  measured: boolean;
  /** Second of the measured window the alert was sent in (−1 outside it). */
  second: number;
  seq: number;
  sentUs: number;
}

export function makeEventId(runTag: string, phase: number, stamp: Stamp): string {
  return `b.${runTag}.${phase}.${stamp.measured ? 1 : 0}.${stamp.second}.${stamp.seq}.${stamp.sentUs}`;
}

/** Parses the stamp from an eventId; null for anything the producer did not send. */
export function parseEventId(eventId: unknown): Stamp | null {
  if (typeof eventId !== 'string' || !eventId.startsWith('b.')) return null;
  const parts = eventId.split('.');
  const n = parts.length;
  if (n < 6) return null;
  const sentUs = Number(parts[n - 1]);
  const seq = Number(parts[n - 2]);
  const second = Number(parts[n - 3]);
  const measured = parts[n - 4] === '1';
  if (!Number.isFinite(sentUs) || !Number.isFinite(seq)) return null;
  return { measured, second, seq, sentUs };
}

const kinds = ['wrong_way', 'reckless', 'speeding', 'stopped_vehicle', 'racing'] as const;

/**
 * A camera detection. Locations are spread deterministically over Greater Cairo (around
 * 30.05 N, 31.3 E) so a dashboard shows a realistic scatter instead of one pile of markers.
 */
export function makeDetection(eventId: string, seq: number, kindMix: boolean): Record<string, unknown> {
  // A low-discrepancy sequence: even coverage without randomness, the same in every run.
  const u = (seq * 0.618033988749895) % 1;
  const v = (seq * 0.7548776662466927) % 1;
  return {
    eventId,
    cameraId: `bench-cam-${seq % 64}`,
    kind: kindMix ? kinds[seq % kinds.length] : 'wrong_way',
    observedAt: new Date().toISOString(),
    location: { lat: Number((29.95 + u * 0.2).toFixed(6)), lon: Number((31.15 + v * 0.3).toFixed(6)) },
    headingDeg: (seq * 37) % 360,
    speedKmh: 60 + (seq % 80),
    confidence: 0.9,
    vehicleClass: 'car',
  };
}
