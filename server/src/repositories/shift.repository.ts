import type { AuditAnchor } from '@rasd/shared';
import type { Queryable } from '../db/database';
import type { HandoverRecord } from '../domain/handover';
import type { PressRecord } from '../domain/press';
import type { Shift } from '../domain/shifts';

type Table = 'shift_handovers' | 'press_statements';

async function read<T>(q: Queryable, table: Table, shiftStart: string, lock: boolean): Promise<T | null> {
  const [row] = await q.query<{ doc: T }>(`SELECT doc FROM ${table} WHERE shift_start = $1${lock ? ' FOR UPDATE' : ''}`, [shiftStart]);
  return row?.doc ?? null;
}

async function write(q: Queryable, table: Table, shift: Shift, doc: unknown, now: string): Promise<void> {
  await q.query(
    `INSERT INTO ${table} (shift_start, shift_end, doc, updated_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (shift_start) DO UPDATE SET doc = EXCLUDED.doc, updated_at = EXCLUDED.updated_at`,
    [shift.start, shift.end, JSON.stringify(doc), now],
  );
}

/** Per-shift records of the commanders: the handover and the press statement. */
export const shiftRepository = {
  /**
   * Serialises writers of one kind of record across instances: decisions read the current state,
   * so two commanders acting at once must not both decide on the same old copy.
   */
  async lock(tx: Queryable): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(7301006)');
  },
  handover: (q: Queryable, shiftStart: string, lock = false) => read<HandoverRecord>(q, 'shift_handovers', shiftStart, lock),
  saveHandover: (q: Queryable, shift: Shift, doc: HandoverRecord, now: string) => write(q, 'shift_handovers', shift, doc, now),
  press: (q: Queryable, shiftStart: string, lock = false) => read<PressRecord>(q, 'press_statements', shiftStart, lock),
  savePress: (q: Queryable, shift: Shift, doc: PressRecord, now: string) => write(q, 'press_statements', shift, doc, now),

  /**
   * When units reported being on scene at these incidents: the units' status changes are audited
   * with the incident they were assigned to (services/unit.service.ts), which is the record kept of them.
   */
  async onSceneTimes(q: Queryable, incidentIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows = await q.query<{ incident_id: string; at: string }>(
      "SELECT incident_id, at FROM audit_log WHERE action = 'unit.status' AND data->>'to' = 'on_scene' AND incident_id = ANY($1) ORDER BY id",
      [incidentIds],
    );
    const out = new Map<string, string[]>();
    for (const r of rows) out.set(r.incident_id, [...(out.get(r.incident_id) ?? []), r.at]);
    return out;
  },

  /** The audit chain's last entry before `cutoff` (entry times are ISO UTC text, so they sort as text). */
  async auditAnchor(q: Queryable, cutoff: string): Promise<AuditAnchor | null> {
    const [row] = await q.query<{ id: number; hash: string; at: string }>('SELECT id, hash, at FROM audit_log WHERE at < $1 ORDER BY id DESC LIMIT 1', [cutoff]);
    return row ? { id: Number(row.id), hash: row.hash, at: row.at } : null;
  },
};
