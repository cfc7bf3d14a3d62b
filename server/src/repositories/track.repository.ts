import type { Carriageway, Incident } from '@rasd/shared';
import type { Queryable } from '../db/database';
import { activeStatuses } from './incident.repository';

/** The incidents that carry wrong-way tracks. */
export const trackRepository = {
  /** Open tracks of one corridor carriageway last seen at or after `since`: what a new sighting may join. */
  async recent(q: Queryable, corridorId: string, carriageway: Carriageway, since: string): Promise<Incident[]> {
    const rows = await q.query<{ seq: number | string; doc: Omit<Incident, 'seq'> }>(
      `SELECT seq, doc FROM incidents WHERE doc->'track' IS NOT NULL AND doc->'track'->>'corridorId' = $1
         AND doc->'track'->>'carriageway' = $2 AND last_seen_at >= $3 AND status = ANY($4)
       ORDER BY seq DESC LIMIT 20`,
      [corridorId, carriageway, since, activeStatuses],
    );
    return rows.map((r) => ({ ...r.doc, seq: Number(r.seq) }) as Incident);
  },
};
