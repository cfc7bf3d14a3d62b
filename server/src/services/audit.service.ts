import type { Database, Queryable } from '../db/database';
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
  async function append(tx: Queryable, entry: AuditEntry): Promise<void> {
    // One writer at a time across instances, so each entry links to the true latest one.
    await tx.query('SELECT pg_advisory_xact_lock(7301003)');
    const [last] = await tx.query<{ hash: string }>('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1');
    const [{ id } = { id: 0 }] = await tx.query<{ id: number }>("SELECT nextval(pg_get_serial_sequence('audit_log', 'id')) AS id");
    const record: AuditRecord = {
      id: Number(id),
      at: entry.at ?? new Date().toISOString(),
      actor: entry.actor,
      action: entry.action,
      incidentId: entry.incidentId,
      data: entry.data,
    };
    const prevHash = last?.hash ?? genesisHash;
    await tx.query('INSERT INTO audit_log (id, at, actor, action, incident_id, data, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
      record.id,
      record.at,
      record.actor,
      record.action,
      record.incidentId,
      JSON.stringify(record.data),
      prevHash,
      chainHash(record, prevHash),
    ]);
  }

  return {
    append,
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
