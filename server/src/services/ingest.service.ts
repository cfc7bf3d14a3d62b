import { randomUUID } from 'node:crypto';
import type { Alert, Detection, IngestResult } from '@rasd/shared';
import { isUniqueViolation, type Database } from '../db/database';
import { canonicalHash } from '../domain/canonical-hash';
import type { CorridorLocator } from '../domain/corridor-locator';
import { incidentFromDetection } from '../domain/incident-from-detection';
import { AppError } from '../errors';
import { incidentRepository as repo } from '../repositories/incident.repository';
import type { AuditService } from './audit.service';
import type { Publisher } from './publisher';
import type { TrackFolder } from './track-fold.service';

export interface IngestOutcome {
  created: boolean;
  result: IngestResult;
}

/** Takes alerts from cameras (and the simulator): store first, then publish. */
export function createIngestService(db: Database, publisher: Publisher, locateCorridor: CorridorLocator, audit: AuditService, tracks?: TrackFolder) {
  async function replay(sender: string, eventId: string, bodyHash: string): Promise<IngestOutcome | null> {
    const existing = await repo.findAlertByEvent(db, sender, eventId);
    if (!existing) return null;
    if (existing.bodyHash !== bodyHash) {
      throw new AppError('idempotency_conflict', `eventId '${eventId}' was already used by ${sender} with a different body`);
    }
    return { created: false, result: { alertId: existing.alertId, incidentId: existing.incidentId, duplicate: true } };
  }

  return {
    async ingestDetection(sender: string, detection: Detection): Promise<IngestOutcome> {
      const bodyHash = canonicalHash(detection);
      const earlier = await replay(sender, detection.eventId, bodyHash);
      if (earlier) return earlier;

      const corridorId = locateCorridor(detection.location);
      const receivedAt = new Date().toISOString();
      let stored;
      try {
        stored = await db.transaction(async (tx) => {
          const seq = await repo.nextSeq(tx);
          const opened = incidentFromDetection(randomUUID(), seq, detection, corridorId);
          // A wrong-way sighting may extend the track of a vehicle already followed.
          const { incident, joined } = tracks ? await tracks.place(tx, detection, opened) : { incident: opened, joined: false };
          const type = joined ? 'track_extended' : 'opened';
          const alert: Alert = { ...detection, id: randomUUID(), incidentId: incident.id, seq, source: 'camera', sender, receivedAt };
          await repo.upsertIncident(tx, incident);
          await repo.insertAlert(tx, alert, detection.eventId, bodyHash);
          await repo.appendHistory(tx, incident.id, {
            seq,
            at: receivedAt,
            type,
            actor: sender,
            data: { alertId: alert.id, kind: detection.kind, status: incident.status, ...(joined ? { cameraId: detection.cameraId } : {}) },
          });
          await audit.append(tx, { at: receivedAt, actor: sender, action: `incident.${type}`, incidentId: incident.id, data: { alertId: alert.id, eventId: detection.eventId } });
          return { incident, alert };
        });
      } catch (error) {
        // A concurrent retry with the same eventId won the insert: answer as its duplicate.
        if (isUniqueViolation(error)) {
          const raced = await replay(sender, detection.eventId, bodyHash);
          if (raced) return raced;
        }
        throw error;
      }
      publisher.incidentChanged(stored.incident);
      publisher.alertStored(stored.alert);
      return { created: true, result: { alertId: stored.alert.id, incidentId: stored.incident.id, duplicate: false } };
    },
  };
}
export type IngestService = ReturnType<typeof createIngestService>;
