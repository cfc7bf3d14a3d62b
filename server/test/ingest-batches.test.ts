import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database';
import { migrate } from '../src/db/migrate';
import { canonicalHash } from '../src/domain/canonical-hash';
import { AppError } from '../src/errors';
import { ingestBatchWriter, ingestProcedures } from '../src/services/ingest-procedures';
import { createTestStore, detection, type TestStore } from './harness';

let store: TestStore;
let db: Database;

beforeAll(async () => {
  store = await createTestStore();
  db = await store.open({ procedures: ingestProcedures });
  await migrate(db);
});
afterAll(async () => {
  await db.close();
  await store.destroy();
});

describe("a group commit's detections", () => {
  it("are written in the embedded database's own thread (on PostgreSQL, here), each answered, a conflict as the contract's error", async () => {
    // On the embedded database this thread must not open the transaction itself: that would be a hand-off per request.
    const writer = db.kind === 'pglite' ? ingestBatchWriter({ ...db, transaction: () => Promise.reject(new Error('a transaction opened from the server thread')) }) : ingestBatchWriter(db);
    const first = detection();
    const conflicting = { ...first, speedKmh: 140 };
    const other = detection();
    const { outcomes, commits } = await writer([first, conflicting, other].map((d) => ({ sender: 'cam-gw', detection: d, bodyHash: canonicalHash(d) })));

    expect(outcomes[0]).toMatchObject({ ok: true, value: { created: true, result: { duplicate: false } } });
    expect(outcomes[2]).toMatchObject({ ok: true, value: { created: true, result: { duplicate: false } } });
    const refused = outcomes[1]!;
    expect(refused.ok).toBe(false);
    const error = (refused as { error: unknown }).error;
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'idempotency_conflict', status: 422 });

    expect(commits).toHaveLength(1);
    const [{ incidents, alerts }] = commits as [(typeof commits)[0]];
    expect(alerts.map((a) => ('eventId' in a ? a.eventId : null))).toEqual([first.eventId, other.eventId]);
    expect(incidents.map((i) => i.id).sort()).toEqual(alerts.map((a) => a.incidentId).sort());
    expect(alerts[1]!.seq).toBeGreaterThan(alerts[0]!.seq);
    const stored = await db.query<{ event_id: string }>('SELECT event_id FROM alerts WHERE event_id = ANY($1::text[]) ORDER BY seq', [[first.eventId, other.eventId]]);
    expect(stored.map((r) => r.event_id)).toEqual([first.eventId, other.eventId]);
  });

  it('answers a retry of a stored detection as its duplicate, and publishes nothing for it', async () => {
    const writer = ingestBatchWriter(db);
    const sent = detection();
    const item = { sender: 'cam-gw', detection: sent, bodyHash: canonicalHash(sent) };
    const original = await writer([item]);
    const retry = await writer([item]);
    const { result } = (original.outcomes[0] as { value: { result: { alertId: string } } }).value;
    expect(retry.outcomes[0]).toEqual({ ok: true, value: { created: false, result: { ...result, duplicate: true } } });
    expect(retry.commits).toEqual([]);
  });
});
