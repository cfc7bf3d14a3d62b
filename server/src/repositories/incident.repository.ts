import type { Alert, HistoryEntry, Incident, IncidentStatus } from '@rasd/shared';
import type { Queryable } from '../db/database';
import { blockNumbers, sequenceBlockColumn, valuesList, type Statement } from '../db/rows';

type Doc<T> = Omit<T, 'seq'>;
interface SeqDoc<T> {
  seq: number;
  doc: Doc<T>;
}

/** An alert as written: `extra` is stored with it for matching re-shares, not published. */
export interface StoredAlert {
  alert: Alert;
  eventId: string;
  bodyHash: string;
  extra: Record<string, unknown>;
}

export interface EventAlert {
  alertId: string;
  incidentId: string;
  bodyHash: string;
}

const withSeq = <T>(row: SeqDoc<T>): T => ({ ...row.doc, seq: Number(row.seq) }) as T;

export const activeStatuses: readonly IncidentStatus[] = [
  'new',
  'verifying',
  'verified',
  'claimed',
  'dispatched',
  'actioned',
];

/** The advisory lock held to commit by every transaction that takes seqs. */
export const seqLock = 7301002;

/** A SELECT column `last_seq`: the last of `count` new seqs (the caller holds `seqLock`); see seqsOf. */
export const seqsColumn = (count: string) => sequenceBlockColumn(`'change_seq'`, count, 'last_seq');

/** The seqs a `seqsColumn` reserved, ascending. */
export const seqsOf = (row: { last_seq: unknown }, count: number): number[] => blockNumbers(row.last_seq, count);

/**
 * The multi-row writes of incidents, alerts and history as statements, placeholders numbered from
 * an offset, so a group commit can send them with others in one statement (see combinedWrites).
 */
export const incidentWrites = {
  upsertIncidents: (incidents: readonly Incident[]) => (offset: number): Statement => {
    const values = valuesList(
      incidents.map(({ seq, ...doc }) => [doc.id, seq, doc.status, doc.lastSeenAt, JSON.stringify(doc)]),
      offset,
    );
    return {
      sql: `INSERT INTO incidents (id, seq, status, last_seen_at, doc) VALUES ${values.sql}
       ON CONFLICT (id) DO UPDATE SET seq = EXCLUDED.seq, status = EXCLUDED.status,
         last_seen_at = EXCLUDED.last_seen_at, doc = EXCLUDED.doc`,
      params: values.params,
    };
  },
  insertAlerts: (rows: readonly StoredAlert[]) => (offset: number): Statement => {
    const values = valuesList(
      rows.map(({ alert: { seq, ...published }, eventId, bodyHash, extra }) => [
        published.id,
        seq,
        published.incidentId,
        published.sender,
        eventId,
        bodyHash,
        JSON.stringify({ ...published, ...extra }),
        published.source,
      ]),
      offset,
    );
    return { sql: `INSERT INTO alerts (id, seq, incident_id, sender, event_id, body_hash, doc, source) VALUES ${values.sql}`, params: values.params };
  },
  appendHistories: (rows: readonly { incidentId: string; entry: HistoryEntry }[]) => (offset: number): Statement => {
    const values = valuesList(
      rows.map(({ incidentId, entry }) => [entry.seq, incidentId, entry.at, entry.type, entry.actor, JSON.stringify(entry.data)]),
      offset,
    );
    return { sql: `INSERT INTO incident_history (seq, incident_id, at, type, actor, data) VALUES ${values.sql}`, params: values.params };
  },
};

/** Incidents, their alerts and history. Every write happens inside a transaction that took a seq. */
export const incidentRepository = {
  /**
   * The next change sequence number. The advisory lock is held to commit, so changes commit in seq
   * order even across instances sharing one PostgreSQL: a client that saw seq N has seen all before it.
   */
  async nextSeq(tx: Queryable): Promise<number> {
    const [seq] = await incidentRepository.nextSeqs(tx, 1);
    return seq!;
  },

  /** `count` consecutive-in-commit-order seqs under one lock (a group commit's block). */
  async nextSeqs(tx: Queryable, count: number): Promise<number[]> {
    await tx.query(`SELECT pg_advisory_xact_lock(${seqLock})`);
    const [row] = await tx.query<{ last_seq: unknown }>(`SELECT ${seqsColumn('$1')}`, [count]);
    return seqsOf(row!, count);
  },

  async currentSeq(q: Queryable): Promise<number> {
    const [row] = await q.query<{ seq: number | null }>('SELECT max(seq) AS seq FROM incidents');
    return Number(row?.seq ?? 0);
  },

  async upsertIncident(tx: Queryable, incident: Incident): Promise<void> {
    await incidentRepository.upsertIncidents(tx, [incident]);
  },

  /** One statement for many incidents; each id at most once (PostgreSQL cannot update a row twice in one). */
  async upsertIncidents(tx: Queryable, incidents: readonly Incident[]): Promise<void> {
    if (incidents.length === 0) return;
    const { sql, params } = incidentWrites.upsertIncidents(incidents)(0);
    await tx.query(sql, params);
  },

  /** Writes a changed incident only if nobody changed it since it was read (compare-and-set on seq). */
  async updateIfUnchanged(tx: Queryable, incident: Incident, readSeq: number): Promise<boolean> {
    const { seq, ...doc } = incident;
    const rows = await tx.query(
      'UPDATE incidents SET seq = $2, status = $3, last_seen_at = $4, doc = $5 WHERE id = $1 AND seq = $6 RETURNING id',
      [incident.id, seq, incident.status, incident.lastSeenAt, JSON.stringify(doc), readSeq],
    );
    return rows.length === 1;
  },

  /** `extra` is stored with the alert for matching re-shares, not published. */
  async insertAlert(tx: Queryable, alert: Alert, eventId: string, bodyHash: string, extra: Record<string, unknown> = {}): Promise<void> {
    await incidentRepository.insertAlerts(tx, [{ alert, eventId, bodyHash, extra }]);
  },

  async insertAlerts(tx: Queryable, rows: readonly StoredAlert[]): Promise<void> {
    if (rows.length === 0) return;
    const { sql, params } = incidentWrites.insertAlerts(rows)(0);
    await tx.query(sql, params);
  },

  /** The alerts already stored for these (sender, eventId) pairs: idempotency for a whole batch in one query. */
  async findAlertsByEvents(q: Queryable, keys: readonly { sender: string; eventId: string }[]): Promise<(EventAlert & { sender: string; eventId: string })[]> {
    if (keys.length === 0) return [];
    // One table and two lists (a batch comes from one or a few senders) plans in a fraction of a join
    // with unnest; the unique (sender, event_id) index serves both. Pairs not asked for are dropped here.
    const wanted = new Set(keys.map((k) => `${k.sender}\u0000${k.eventId}`));
    const rows = await q.query<{ id: string; incident_id: string; body_hash: string; sender: string; event_id: string }>(
      'SELECT id, incident_id, body_hash, sender, event_id FROM alerts WHERE sender = ANY($1::text[]) AND event_id = ANY($2::text[])',
      [[...new Set(keys.map((k) => k.sender))], keys.map((k) => k.eventId)],
    );
    return rows.filter((r) => wanted.has(`${r.sender}\u0000${r.event_id}`)).map((r) => ({ alertId: r.id, incidentId: r.incident_id, bodyHash: r.body_hash, sender: r.sender, eventId: r.event_id }));
  },

  async findAlertByEvent(q: Queryable, sender: string, eventId: string): Promise<EventAlert | null> {
    const [found] = await incidentRepository.findAlertsByEvents(q, [{ sender, eventId }]);
    return found ?? null;
  },

  async appendHistory(tx: Queryable, incidentId: string, entry: HistoryEntry): Promise<void> {
    await incidentRepository.appendHistories(tx, [{ incidentId, entry }]);
  },

  async appendHistories(tx: Queryable, rows: readonly { incidentId: string; entry: HistoryEntry }[]): Promise<void> {
    if (rows.length === 0) return;
    const { sql, params } = incidentWrites.appendHistories(rows)(0);
    await tx.query(sql, params);
  },

  async findSocialAlert(q: Queryable, normalizedUrl: string): Promise<Alert | null> {
    const [row] = await q.query<SeqDoc<Alert>>("SELECT seq, doc FROM alerts WHERE source = 'social' AND event_id = $1", [normalizedUrl]);
    return row ? withSeq<Alert>(row) : null;
  },

  /** The incident of an earlier report that carried one of these (normalised) media URLs. */
  async incidentWithMedia(q: Queryable, mediaKeys: readonly string[]): Promise<string | null> {
    if (mediaKeys.length === 0) return null;
    const [row] = await q.query<{ incident_id: string }>(
      "SELECT incident_id FROM alerts WHERE source = 'social' AND doc->'mediaKeys' ?| $1 ORDER BY seq LIMIT 1",
      [mediaKeys],
    );
    return row?.incident_id ?? null;
  },

  async recentSocialTexts(q: Queryable, since: string, limit: number): Promise<{ incidentId: string; text: string }[]> {
    const rows = await q.query<{ incident_id: string; text: string }>(
      `SELECT incident_id, doc->>'normalizedText' AS text FROM alerts
       WHERE source = 'social' AND doc->>'receivedAt' >= $1 ORDER BY seq DESC LIMIT $2`,
      [since, limit],
    );
    return rows.map((r) => ({ incidentId: r.incident_id, text: r.text ?? '' }));
  },

  /** Active camera incidents of one kind on one corridor, last seen in [from, to]. */
  async cameraIncidentsNear(q: Queryable, kind: string, corridorId: string, from: string, to: string): Promise<Incident[]> {
    const rows = await q.query<SeqDoc<Incident>>(
      `SELECT seq, doc FROM incidents WHERE status = ANY($1) AND doc->>'source' IN ('camera', 'mixed')
         AND doc->>'kind' = $2 AND doc->>'corridorId' = $3 AND last_seen_at >= $4 AND (doc->>'firstSeenAt')::timestamptz <= $5
       ORDER BY seq DESC LIMIT 50`,
      [activeStatuses, kind, corridorId, from, to],
    );
    return rows.map(withSeq<Incident>);
  },

  async get(q: Queryable, id: string): Promise<Incident | null> {
    const [row] = await q.query<SeqDoc<Incident>>('SELECT seq, doc FROM incidents WHERE id = $1', [id]);
    return row ? withSeq(row) : null;
  },

  /** The incidents with these ids that exist, in seq order. */
  async getMany(q: Queryable, ids: readonly string[]): Promise<Incident[]> {
    const rows = await q.query<SeqDoc<Incident>>('SELECT seq, doc FROM incidents WHERE id = ANY($1) ORDER BY seq', [ids]);
    return rows.map(withSeq<Incident>);
  },

  async alertsOf(q: Queryable, incidentId: string): Promise<Alert[]> {
    const rows = await q.query<SeqDoc<Alert>>('SELECT seq, doc FROM alerts WHERE incident_id = $1 ORDER BY seq', [incidentId]);
    return rows.map(withSeq<Alert>);
  },

  async historyOf(q: Queryable, incidentId: string): Promise<HistoryEntry[]> {
    const rows = await q.query<{ seq: number; at: Date | string; type: string; actor: string | null; data: Record<string, unknown> }>(
      'SELECT seq, at, type, actor, data FROM incident_history WHERE incident_id = $1 ORDER BY seq',
      [incidentId],
    );
    return rows.map((r) => ({ ...r, seq: Number(r.seq), at: new Date(r.at).toISOString() }));
  },

  /** Incidents in the given statuses, newest change first. */
  async list(q: Queryable, statuses: readonly IncidentStatus[], limit: number): Promise<Incident[]> {
    const rows = await q.query<SeqDoc<Incident>>(
      'SELECT seq, doc FROM incidents WHERE status = ANY($1) ORDER BY seq DESC LIMIT $2',
      [statuses, limit],
    );
    return rows.map(withSeq<Incident>);
  },

  /** Incidents a shift must account for: seen before it ended and open, arrived in it, or changed in it. */
  async touching(q: Queryable, start: string, end: string): Promise<Incident[]> {
    const rows = await q.query<SeqDoc<Incident>>(
      `SELECT i.seq, i.doc FROM incidents i
       WHERE (i.doc->>'firstSeenAt')::timestamptz < $2
         AND (i.status = ANY($3) OR (i.doc->>'firstSeenAt')::timestamptz >= $1
              OR EXISTS (SELECT 1 FROM incident_history h WHERE h.incident_id = i.id AND h.at >= $1))
       ORDER BY (i.doc->>'firstSeenAt')::timestamptz`,
      [start, end, activeStatuses],
    );
    return rows.map(withSeq<Incident>);
  },

  async histories(q: Queryable, ids: readonly string[]): Promise<Map<string, HistoryEntry[]>> {
    const rows = await q.query<{ incident_id: string; seq: number; at: Date | string; type: string; actor: string | null; data: Record<string, unknown> }>(
      'SELECT incident_id, seq, at, type, actor, data FROM incident_history WHERE incident_id = ANY($1) ORDER BY seq',
      [ids],
    );
    const out = new Map<string, HistoryEntry[]>(ids.map((id) => [id, []]));
    for (const { incident_id, ...r } of rows) out.get(incident_id)!.push({ ...r, seq: Number(r.seq), at: new Date(r.at).toISOString() });
    return out;
  },

  /** Incidents first seen in [from, to), oldest first. */
  async firstSeenBetween(q: Queryable, from: string, to: string, limit: number): Promise<Incident[]> {
    const rows = await q.query<SeqDoc<Incident>>(
      `SELECT seq, doc FROM incidents WHERE (doc->>'firstSeenAt')::timestamptz >= $1 AND (doc->>'firstSeenAt')::timestamptz < $2
       ORDER BY (doc->>'firstSeenAt')::timestamptz LIMIT $3`,
      [from, to, limit],
    );
    return rows.map(withSeq<Incident>);
  },

  /**
   * Unclaimed, unescalated critical or high incidents that reached the room before `cutoff`. The
   * clock starts when Rasd opened the incident, not when the event happened: a citizen's video
   * posted an hour ago has waited only as long as it has been on the desks.
   */
  async awaitingEscalation(q: Queryable, cutoff: string): Promise<string[]> {
    const rows = await q.query<{ id: string }>(
      `SELECT id FROM incidents WHERE status IN ('new', 'verifying', 'verified')
         AND doc->'claimedBy' = 'null'::jsonb AND doc->'escalatedAt' = 'null'::jsonb
         AND doc->>'severity' IN ('critical', 'high')
         AND EXISTS (SELECT 1 FROM incident_history h WHERE h.incident_id = incidents.id AND h.type = 'opened' AND h.at < $1)
       ORDER BY seq LIMIT 200`,
      [cutoff],
    );
    return rows.map((r) => r.id);
  },

  /** Every incident changed after `since`, oldest change first, so a client can apply them in order. */
  async changedSince(q: Queryable, since: number, statuses: readonly IncidentStatus[] | null, limit: number): Promise<Incident[]> {
    const rows = await q.query<SeqDoc<Incident>>(
      `SELECT seq, doc FROM incidents WHERE seq > $1 AND ($2::text[] IS NULL OR status = ANY($2)) ORDER BY seq LIMIT $3`,
      [since, statuses, limit],
    );
    return rows.map(withSeq<Incident>);
  },

  /** Which incidents changed after `since` (ids and seqs only: an index scan, cheap to poll). */
  async seqsSince(q: Queryable, since: number, limit: number): Promise<{ id: string; seq: number }[]> {
    const rows = await q.query<{ id: string; seq: number }>('SELECT id, seq FROM incidents WHERE seq > $1 ORDER BY seq LIMIT $2', [since, limit]);
    return rows.map((r) => ({ id: r.id, seq: Number(r.seq) }));
  },
};
export type IncidentRepository = typeof incidentRepository;
