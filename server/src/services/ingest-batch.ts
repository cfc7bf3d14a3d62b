import { randomUUID } from 'node:crypto';
import type { Alert, Detection, HistoryEntry, Incident, IngestResult } from '@rasd/shared';
import type { Database, Transaction } from '../db/database';
import { combinedWrites } from '../db/rows';
import type { CorridorLocator } from '../domain/corridor-locator';
import { incidentFromDetection } from '../domain/incident-from-detection';
import { AppError } from '../errors';
import { incidentRepository as repo, incidentWrites, type EventAlert, type StoredAlert } from '../repositories/incident.repository';
import { chainedInsert, type AuditEntry } from './audit.service';
import { lockChanges, reserveChanges, type Reserved } from './change-block';
import type { Settled } from './group-commit';
import type { TrackFolder } from './track-fold.service';

/** A detection as a camera submitted it. */
export interface Submitted {
  sender: string;
  detection: Detection;
  bodyHash: string;
}

export interface IngestOutcome {
  created: boolean;
  result: IngestResult;
}

/** What one transaction committed, in seq order: published in this order once it has committed. */
export interface Commit {
  incidents: Incident[];
  alerts: Alert[];
}

/** Each item's outcome, in order, and the transactions that committed them. */
export interface BatchResult {
  outcomes: Settled<IngestOutcome>[];
  commits: Commit[];
}

export interface IngestBatchDeps {
  locateCorridor: CorridorLocator;
  tracks: TrackFolder;
}

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
 * Writes a group commit's detections: one transaction (one seq block, one statement per table) for
 * the new ones, each retry answered as its original's duplicate. It only writes; the caller
 * publishes the commits, so it runs as well in the embedded database's thread (ingest-procedures.ts).
 */
export function createIngestBatches({ locateCorridor, tracks }: IngestBatchDeps) {
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
      const { incident, joined } = await tracks.place(tx, detection, opened, placed);
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
    return { incidents: [...placed.values()].sort((a, b) => a.seq - b.seq), alerts: alerts.map((a) => a.alert) } satisfies Commit;
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
  async function writeBatch(db: Database, items: readonly Submitted[]): Promise<BatchResult> {
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
      if (fresh.length > 1) return settleOneByOne(db, items);
      throw error;
    }
    if (written) {
      fresh.forEach((i, n) => {
        const alert = written.alerts[n]!;
        outcomes[i] = { ok: true, value: { created: true, result: { alertId: alert.id, incidentId: alert.incidentId, duplicate: false } } };
        stored.set(keyOf(items[i]!.sender, items[i]!.detection.eventId), { alertId: alert.id, incidentId: alert.incidentId, bodyHash: items[i]!.bodyHash });
      });
    }
    return {
      outcomes: items.map((item, i) => outcomes[i] ?? replayOf(stored.get(keyOf(item.sender, item.detection.eventId))!, item)),
      commits: written ? [written] : [],
    };
  }

  /** Each item in a batch of its own (where a batch of one never falls back again). */
  async function settleOneByOne(db: Database, items: readonly Submitted[]): Promise<BatchResult> {
    const result: BatchResult = { outcomes: [], commits: [] };
    for (const item of items) {
      try {
        const one = await writeBatch(db, [item]);
        result.outcomes.push(one.outcomes[0]!);
        result.commits.push(...one.commits);
      } catch (error) {
        result.outcomes.push({ ok: false, error });
      }
    }
    return result;
  }

  return writeBatch;
}
