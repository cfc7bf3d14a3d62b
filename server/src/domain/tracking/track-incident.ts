import type { Incident, Track } from '@rasd/shared';
import { consensusPlate } from './plate-match';

/**
 * The incident as its track now stands: where and when the vehicle was last seen, its speed and the
 * plate most cameras read. `firstSeenAt` can move earlier when a late sighting arrives out of order.
 */
export function withTrack(incident: Incident, track: Track, seq: number, alertCount: number): Incident {
  const first = track.path[0]!;
  const last = track.path[track.path.length - 1]!;
  return {
    ...incident,
    seq,
    corridorId: track.corridorId,
    location: last.location,
    cameraId: last.cameraId,
    firstSeenAt: first.observedAt < incident.firstSeenAt ? first.observedAt : incident.firstSeenAt,
    lastSeenAt: last.observedAt > incident.lastSeenAt ? last.observedAt : incident.lastSeenAt,
    alertCount,
    speedKmh: track.speedKmh,
    plate: consensusPlate(track.path.map((o) => o.plate)) ?? incident.plate,
    track,
  };
}
