import { normalisePlate, type HistoryFilter, type Incident } from '@rasd/shared';
import type { Queryable } from '../db/database';

/** A WHERE clause and its parameters, built only from validated filters (values are always bound). */
export function historyWhere(f: HistoryFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const where: string[] = [];
  const bind = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (f.plate) {
    // The same key as rasd_plate_key (migration 006) computes for the stored plates.
    const key = normalisePlate(f.plate)!.replace(/ /g, '');
    const k = bind(key);
    where.push(
      `(rasd_plate_key(doc->>'plate') = ${k} OR EXISTS (SELECT 1 FROM jsonb_array_elements(doc->'actions') a WHERE rasd_plate_key(a->>'plate') = ${k}))`,
    );
  }
  if (f.corridorId) where.push(`doc->>'corridorId' = ${bind(f.corridorId)}`);
  if (f.kind) where.push(`doc->>'kind' = ANY(${bind(f.kind)})`);
  if (f.status) where.push(`status = ANY(${bind(f.status)})`);
  if (f.officer) where.push(`EXISTS (SELECT 1 FROM incident_history h WHERE h.actor = ${bind(f.officer)} AND h.incident_id = incidents.id)`);
  if (f.from) where.push(`rasd_ts(doc->>'firstSeenAt') >= ${bind(f.from)}`);
  if (f.to) where.push(`rasd_ts(doc->>'firstSeenAt') < ${bind(f.to)}`);
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/** The incident history search: newest first, paged. */
export const historyRepository = {
  async search(q: Queryable, filter: HistoryFilter, limit: number, offset: number): Promise<Incident[]> {
    const { sql, params } = historyWhere(filter);
    const rows = await q.query<{ seq: number; doc: Omit<Incident, 'seq'> }>(
      `SELECT seq, doc FROM incidents ${sql} ORDER BY rasd_ts(doc->>'firstSeenAt') DESC, id DESC LIMIT ${Number(limit)} OFFSET ${Number(offset)}`,
      params,
    );
    return rows.map((r) => ({ ...r.doc, seq: Number(r.seq) }) as Incident);
  },

  async count(q: Queryable, filter: HistoryFilter): Promise<number> {
    const { sql, params } = historyWhere(filter);
    const [row] = await q.query<{ n: number }>(`SELECT count(*) AS n FROM incidents ${sql}`, params);
    return Number(row?.n ?? 0);
  },
};
