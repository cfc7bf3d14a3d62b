import type { IncidentDetail, IncidentList, IncidentListQuery } from '@rasd/shared';
import type { Database } from '../db/database';
import { AppError } from '../errors';
import { activeStatuses, incidentRepository as repo } from '../repositories/incident.repository';

const defaultLimit = 5000;

/** Reads for dashboards: the active picture, and catch-up after a disconnect. */
export function createIncidentQueryService(db: Database) {
  return {
    async list(query: IncidentListQuery): Promise<IncidentList> {
      // Read the current seq first: anything committed later has a larger seq and reaches the
      // client live or in its next catch-up, so nothing falls between the two reads.
      const seqNow = await repo.currentSeq(db);
      const limit = query.limit ?? defaultLimit;
      const incidents =
        query.since === undefined
          ? await repo.list(db, query.status ?? activeStatuses, limit)
          : await repo.changedSince(db, query.since, query.status ?? null, limit);
      // A catch-up cut short by the limit reports the last seq it returned, so the next one resumes there.
      const truncated = query.since !== undefined && incidents.length === limit;
      const seq = truncated ? incidents.at(-1)!.seq : incidents.reduce((max, i) => Math.max(max, i.seq), seqNow);
      return { incidents, seq };
    },

    async get(id: string): Promise<IncidentDetail> {
      const incident = await repo.get(db, id);
      if (!incident) throw new AppError('not_found', `incident '${id}' does not exist`);
      const [alerts, history] = await Promise.all([repo.alertsOf(db, id), repo.historyOf(db, id)]);
      return { ...incident, alerts, history };
    },
  };
}
export type IncidentQueryService = ReturnType<typeof createIncidentQueryService>;
