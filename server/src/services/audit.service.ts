import type { Database, Queryable } from '../db/database';
import { blockNumbers, sequenceBlockColumn, valuesList, type Statement } from '../db/rows';
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

/** The advisory lock that keeps one writer at a time on the chain, across instances (held to commit). */
export const auditLock = 7301003;

/**
 * SELECT columns, read after taking `auditLock` (in an earlier statement, so this one's snapshot
 * sees the true latest entry): the chain's head hash, and the last of `count` new entry ids.
 */
export const auditReserveColumns = (count: string) =>
  `(SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1) AS audit_head, ${sequenceBlockColumn(`pg_get_serial_sequence('audit_log', 'id')`, count, 'audit_last_id')}`;

/** What auditReserveColumns read: the hash to link to, and the ids in order. */
export interface AuditReservation {
  head: string;
  ids: number[];
}

export const reservationOf = (row: AuditReserveRow, count: number): AuditReservation => ({
  head: row.audit_head ?? genesisHash,
  ids: blockNumbers(row.audit_last_id, count),
});

/** The row auditReserveColumns select. */
export interface AuditReserveRow {
  audit_head: string | null;
  audit_last_id: unknown;
}

/** The INSERT of entries linked in order after the reservation's head, with its ids. */
export const chainedInsert = (reserved: AuditReservation, entries: readonly AuditEntry[]) => (offset: number): Statement => {
  let prevHash = reserved.head;
  const rows = entries.map((entry, i) => {
    const record: AuditRecord = {
      id: reserved.ids[i]!,
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
  const values = valuesList(rows, offset);
  return { sql: `INSERT INTO audit_log (id, at, actor, action, incident_id, data, prev_hash, hash) VALUES ${values.sql}`, params: values.params };
};

/** Appends to and verifies the hash-chained audit log. */
export function createAuditService(db: Database) {
  /** Appends entries in order, linked to the chain's true head: one lock and one insert for the lot. */
  async function appendMany(tx: Queryable, entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    // One writer at a time across instances, so each entry links to the true latest one.
    await tx.query(`SELECT pg_advisory_xact_lock(${auditLock})`);
    const [row] = await tx.query<AuditReserveRow>(`SELECT ${auditReserveColumns('$1')}`, [entries.length]);
    const { sql, params } = chainedInsert(reservationOf(row!, entries.length), entries)(0);
    await tx.query(sql, params);
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
