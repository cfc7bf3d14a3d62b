import { randomUUID } from 'node:crypto';
import type { Alert, Detection, HistoryEntry, Incident, IngestResult } from '@rasd/shared';
import type { Database, Transaction } from '../db/database';
import { canonicalHash } from '../domain/canonical-hash';
import type { CorridorLocator } from '../domain/corridor-locator';
import { incidentFromDetection } from '../domain/incident-from-detection';
import { AppError } from '../errors';
import { combinedWrites } from '../db/rows';
import { incidentRepository as repo, incidentWrites, type EventAlert, type StoredAlert } from '../repositories/incident.repository';
import { chainedInsert, type AuditEntry } from './audit.service';
import { lockChanges, reserveChanges, type Reserved } from './change-block';
import { createGroupCommit, type Settled } from './group-commit';
import type { Publisher } from './publisher';
import type { TrackFolder } from './track-fold.service';

export interface IngestOutcome {
  created: boolean;
  result: IngestResult;
}

export interface IngestDeps {
  db: Database;
  publisher: Publisher;
  locateCorridor: CorridorLocator;
  tracks?: TrackFolder;
  /** Called with the number of detections of each transaction written. */
  onBatch?: (size: number) => void;
}

interface Submitted {
  sender: string;
  detection: Detection;
  bodyHash: string;
}

/** Detections per transaction at most: bounds a batch's statement size and its latency. */
const maxBatch = 200;

const keyOf = (sender: string, eventId: string) => `${sender}\u0000${eventId}`;

/** A stored alert answers a retry with the same body as its duplicate; a different body is a conflict. */
function replayOf(existing: EventAlert, item: Submitted): Settled<IngestOutcome> {
  if (existing.bodyHash !== item.bodyHash) {
    const error = new AppError('idempotency_conflict', `eventId '${item.detection.eventId}' was already used by ${item.sender} with a different body`);
    return { ok: false, error };
  }
  return { ok: true, value: { created: false, result: { alertId: existing.alertId, incidentId: existing.incidentId, duplicate: true } } };
}

/**
 * Takes alerts from cameras (and the simulator): store first, then publish. Detections arriving
 * together are written in one transaction (group commit: one seq block, one statement per table),
 * and published after it commits, in seq order.
 */
export function createIngestService({ db, publisher, locateCorridor, tracks, onBatch }: IngestDeps) {
  /**
   * Writes the new detections of a batch, in the transaction that holds both locks and reserved
   * `seqs` and `audit` ids for at least as many: every row of the batch (incidents, alerts, history,
   * audit) in one combined INSERT, which commits. Each statement costs a round trip to PostgreSQL
   * under the locks, and a fixed parse/plan/protocol cost in PGlite.
   */
  async function store(tx: Transaction, items: readonly Submitted[], { seqs, audit }: Reserved) {
    const receivedAt = new Date().toISOString();
    // The latest version of each incident this batch touched: later sightings may extend earlier ones' tracks.
    const placed = new Map<string, Incident>();
    const alerts: StoredAlert[] = [];
    const history: { incidentId: string; entry: HistoryEntry }[] = [];
    const auditEntries: AuditEntry[] = [];
    for (const [i, { sender, detection, bodyHash }] of items.entries()) {
      const seq = seqs[i]!;
      const opened = incidentFromDetection(randomUUID(), seq, detection, locateCorridor(detection.location));
      // A wrong-way sighting may extend the track of a vehicle already followed.
      const { incident, joined } = tracks ? await tracks.place(tx, detection, opened, placed) : { incident: opened, joined: false };
      const type = joined ? 'track_extended' : 'opened';
      const alert: Alert = { ...detection, id: randomUUID(), incidentId: incident.id, seq, source: 'camera', sender, receivedAt };
      placed.set(incident.id, incident);
      alerts.push({ alert, eventId: detection.eventId, bodyHash, extra: {} });
      history.push({
        incidentId: incident.id,
        entry: {
          seq,
          at: receivedAt,
          type,
          actor: sender,
          data: { alertId: alert.id, kind: detection.kind, status: incident.status, ...(joined ? { cameraId: detection.cameraId } : {}) },
        },
      });
      auditEntries.push({ at: receivedAt, actor: sender, action: `incident.${type}`, incidentId: incident.id, data: { alertId: alert.id, eventId: detection.eventId } });
    }
    const writes = combinedWrites([
      incidentWrites.upsertIncidents([...placed.values()]),
      incidentWrites.insertAlerts(alerts),
      incidentWrites.appendHistories(history),
      chainedInsert(audit, auditEntries),
    ]);
    await tx.finish(writes.sql, writes.params);
    return { incidents: [...placed.values()].sort((a, b) => a.seq - b.seq), alerts: alerts.map((a) => a.alert) };
  }

  /**
   * One transaction per batch. Both locks (seq, then audit chain, the order every writer takes them
   * in), the idempotency look-up and the reservation are sent together: the look-up is a statement
   * of its own after the locks, so it sees every alert committed before them, and no other writer
   * (every alert is stored under the seq lock) can store one of these eventIds until this
   * transaction ends: a retry racing its original through another instance is answered as its
   * duplicate. Seqs and audit ids are reserved for the whole batch before the look-up answers, one
   * hand-off to the database fewer; those a retry leaves unused are skipped, as a rolled-back
   * transaction's are. Then store() writes the new ones.
   */
  async function ingestBatch(items: readonly Submitted[]): Promise<Settled<IngestOutcome>[]> {
    const outcomes = new Array<Settled<IngestOutcome> | undefined>(items.length);
    const stored = new Map<string, EventAlert>();
    const fresh: number[] = [];
    let written;
    try {
      written = await db.transaction(async (tx) => {
        const [, found, reserved] = await Promise.all([
          lockChanges(tx),
          repo.findAlertsByEvents(tx, items.map((i) => ({ sender: i.sender, eventId: i.detection.eventId }))),
          reserveChanges(tx, items.length),
        ]);
        for (const a of found) stored.set(keyOf(a.sender, a.eventId), a);
        // The first of several submissions of one eventId in a batch is written; the rest answer as its retries.
        const firstOfKey = new Set<string>();
        items.forEach((item, i) => {
          const key = keyOf(item.sender, item.detection.eventId);
          const existing = stored.get(key);
          if (existing) outcomes[i] = replayOf(existing, item);
          else if (!firstOfKey.has(key)) {
            firstOfKey.add(key);
            fresh.push(i);
          }
        });
        return fresh.length > 0 ? store(tx, fresh.map((i) => items[i]!), reserved) : null;
      });
    } catch (error) {
      // One bad item must not fail the others: alone, each gets its own answer.
      if (fresh.length > 1) return settleOneByOne(items);
      throw error;
    }
    if (written) {
      onBatch?.(fresh.length);
      for (const incident of written.incidents) publisher.incidentChanged(incident);
      for (const alert of written.alerts) publisher.alertStored(alert);
      fresh.forEach((i, n) => {
        const alert = written.alerts[n]!;
        outcomes[i] = { ok: true, value: { created: true, result: { alertId: alert.id, incidentId: alert.incidentId, duplicate: false } } };
        stored.set(keyOf(items[i]!.sender, items[i]!.detection.eventId), { alertId: alert.id, incidentId: alert.incidentId, bodyHash: items[i]!.bodyHash });
      });
    }
    return items.map((item, i) => outcomes[i] ?? replayOf(stored.get(keyOf(item.sender, item.detection.eventId))!, item));
  }

  /** Each item in a batch of its own (where a batch of one never falls back again). */
  async function settleOneByOne(items: readonly Submitted[]): Promise<Settled<IngestOutcome>[]> {
    const outcomes: Settled<IngestOutcome>[] = [];
    for (const item of items) {
      try {
        const [outcome] = await ingestBatch([item]);
        outcomes.push(outcome!);
      } catch (error) {
        outcomes.push({ ok: false, error });
      }
    }
    return outcomes;
  }

  const commits = createGroupCommit(ingestBatch, maxBatch);

  return {
    ingestDetection(sender: string, detection: Detection): Promise<IngestOutcome> {
      return commits.submit({ sender, detection, bodyHash: canonicalHash(detection) });
    },
    /** Detections waiting for the next group commit. */
    get waiting(): number {
      return commits.waiting;
    },
  };
}
export type IngestService = ReturnType<typeof createIngestService>;
