import type { Database, Queryable } from '../db/database';
import { valuesList } from '../db/rows';
import { chainHash, genesisHash, verifyChain, type AuditRecord, type ChainedAuditRecord } from '../domain/audit-chain';

export type AuditEntry = Omit<AuditRecord, 'id' | 'at'> & { at?: string };

interface Row {
  id: number;
  at: string;
  actor: string | null;
  action: string;
  incident_id: string | null;
  data: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

/** Appends to and verifies the hash-chained audit log. */
export function createAuditService(db: Database) {
  /** Appends entries in order, linked to the chain's true head: one lock and one insert for the lot. */
  async function appendMany(tx: Queryable, entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    // One writer at a time across instances, so each entry links to the true latest one.
    await tx.query('SELECT pg_advisory_xact_lock(7301003)');
    const [last] = await tx.query<{ hash: string }>('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1');
    const ids = await tx.query<{ id: number }>(
      "SELECT nextval(pg_get_serial_sequence('audit_log', 'id')) AS id FROM generate_series(1, $1::int)",
      [entries.length],
    );
    const sortedIds = ids.map((r) => Number(r.id)).sort((x, y) => x - y);
    let prevHash = last?.hash ?? genesisHash;
    const rows = entries.map((entry, i) => {
      const record: AuditRecord = {
        id: sortedIds[i]!,
        at: entry.at ?? new Date().toISOString(),
        actor: entry.actor,
        action: entry.action,
        incidentId: entry.incidentId,
        data: entry.data,
      };
      const hash = chainHash(record, prevHash);
      const row = [record.id, record.at, record.actor, record.action, record.incidentId, JSON.stringify(record.data), prevHash, hash];
      prevHash = hash;
      return row;
    });
    const values = valuesList(rows);
    await tx.query(`INSERT INTO audit_log (id, at, actor, action, incident_id, data, prev_hash, hash) VALUES ${values.sql}`, values.params);
  }
  const append = (tx: Queryable, entry: AuditEntry) => appendMany(tx, [entry]);

  return {
    append,
    appendMany,
    /** For events outside another transaction (logins). */
    record: (entry: AuditEntry) => db.transaction((tx) => append(tx, entry)),

    async verify() {
      const rows = await db.query<Row>('SELECT id, at, actor, action, incident_id, data, prev_hash, hash FROM audit_log ORDER BY id');
      const records: ChainedAuditRecord[] = rows.map((r) => ({
        id: Number(r.id),
        at: r.at,
        actor: r.actor,
        action: r.action,
        incidentId: r.incident_id,
        data: r.data,
        prevHash: r.prev_hash,
        hash: r.hash,
      }));
      return verifyChain(records);
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
