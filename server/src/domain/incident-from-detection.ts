import type { Detection, Incident } from '@rasd/shared';
import { severityOf } from './severity';

/** A new incident opened by one camera detection (wrong-way sightings may then fold into a track: tracking/). */
export function incidentFromDetection(
  id: string,
  seq: number,
  detection: Detection,
  corridorId: string | null,
): Incident {
  return {
    id,
    seq,
    kind: detection.kind,
    source: 'camera',
    severity: severityOf(detection.kind),
    status: 'new',
    corridorId,
    location: detection.location,
    firstSeenAt: new Date(detection.observedAt).toISOString(),
    lastSeenAt: new Date(detection.observedAt).toISOString(),
    alertCount: 1,
    claimedBy: null,
    actions: [],
    plate: detection.plate ?? null,
    cameraId: detection.cameraId,
    speedKmh: detection.speedKmh ?? null,
    verification: null,
    escalatedAt: null,
  };
}
