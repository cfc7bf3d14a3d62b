import { randomUUID } from 'node:crypto';
import type { Alert, AlertKind, Incident, IngestResult } from '@rasd/shared';
import { isUniqueViolation, type Database } from '../db/database';
import { canonicalHash } from '../domain/canonical-hash';
import { readCap } from '../domain/cap/cap-map';
import { CapError, parseCap } from '../domain/cap/cap-parse';
import type { CorridorLocator } from '../domain/corridor-locator';
import { severityOf } from '../domain/severity';
import { AppError } from '../errors';
import { incidentRepository as repo } from '../repositories/incident.repository';
import type { AuditService } from './audit.service';
import type { Publisher } from './publisher';

type CapAlert = Extract<Alert, { source: 'cap' }>;

/** Alerts from other agencies in CAP 1.2: idempotent on sender + identifier; `references` join the incident they update. */
export function createCapIngestService(db: Database, publisher: Publisher, audit: AuditService, deps: { classify: (text: string) => AlertKind | null; locateCorridor: CorridorLocator }) {
  async function earlier(capSender: string, identifier: string, hash: string) {
    const found = await repo.findAlertByEvent(db, `cap:${capSender}`, identifier);
    if (!found) return null;
    if (found.bodyHash !== hash) throw new AppError('idempotency_conflict', `CAP alert ${identifier} from ${capSender} was already received with different content`);
    return { created: false, result: { alertId: found.alertId, incidentId: found.incidentId, duplicate: true } };
  }

  return {
    async ingest(keySender: string, xml: string): Promise<{ created: boolean; result: IngestResult }> {
      let cap;
      try {
        cap = parseCap(xml);
      } catch (error) {
        if (error instanceof CapError) throw new AppError('invalid_input', `not a valid CAP 1.2 alert: ${error.message}`, error.details);
        throw error;
      }
      const hash = canonicalHash(cap);
      const seen = await earlier(cap.sender, cap.identifier, hash);
      if (seen) return seen;
      const reading = readCap(cap, deps.classify, severityOf);
      if (!reading.location) {
        throw new AppError('invalid_input', 'the alert has no area Rasd can place', [{ path: 'alert.info.area', message: 'a circle or polygon is required' }]);
      }
      const location = reading.location;
      const updates = await Promise.all(cap.references.map((r) => repo.findAlertByEvent(db, `cap:${r.sender}`, r.identifier)));
      const homeId = updates.find((u) => u !== null)?.incidentId ?? null;
      const receivedAt = new Date().toISOString();
      const sent = new Date(cap.sent).toISOString();
      const info = cap.info[0]!;

      let stored: { incident: Incident; alert: CapAlert };
      try {
        stored = await db.transaction(async (tx) => {
          const seq = await repo.nextSeq(tx);
          const home = homeId ? await repo.get(tx, homeId) : null;
          const incident: Incident = home
            ? { ...home, seq, alertCount: home.alertCount + 1, lastSeenAt: sent > home.lastSeenAt ? sent : home.lastSeenAt }
            : {
                id: randomUUID(),
                seq,
                kind: reading.kind,
                // Another agency's official system: the official track, as a camera catch is.
                source: 'camera',
                severity: reading.severity,
                status: 'new',
                corridorId: deps.locateCorridor(location),
                location,
                firstSeenAt: sent,
                lastSeenAt: sent,
                alertCount: 1,
                claimedBy: null,
                actions: [],
                plate: null,
                cameraId: null,
                speedKmh: null,
                verification: null,
                escalatedAt: null,
              };
          const alert: CapAlert = {
            id: randomUUID(),
            incidentId: incident.id,
            seq,
            source: 'cap',
            sender: `cap:${cap.sender}`,
            receivedAt,
            kind: reading.kind,
            location,
            cap: {
              identifier: cap.identifier,
              sender: cap.sender,
              sent: cap.sent,
              msgType: cap.msgType,
              status: cap.status,
              event: info.event,
              urgency: info.urgency,
              severity: info.severity,
              certainty: info.certainty,
              headline: reading.headline,
              areaDesc: reading.areaDesc,
            },
          };
          await repo.upsertIncident(tx, incident);
          await repo.insertAlert(tx, alert, cap.identifier, hash, { via: keySender });
          const type = home ? 'cap_update' : 'opened';
          const data = { alertId: alert.id, identifier: cap.identifier, capSender: cap.sender, msgType: cap.msgType, status: incident.status };
          await repo.appendHistory(tx, incident.id, { seq, at: receivedAt, type, actor: keySender, data });
          await audit.append(tx, { at: receivedAt, actor: keySender, action: home ? 'incident.cap_update' : 'incident.opened', incidentId: incident.id, data });
          return { incident, alert };
        });
      } catch (error) {
        const raced = isUniqueViolation(error) ? await earlier(cap.sender, cap.identifier, hash) : null;
        if (raced) return raced;
        throw error;
      }
      publisher.incidentChanged(stored.incident);
      publisher.alertStored(stored.alert);
      return { created: true, result: { alertId: stored.alert.id, incidentId: stored.incident.id, duplicate: false } };
    },
  };
}
export type CapIngestService = ReturnType<typeof createCapIngestService>;
