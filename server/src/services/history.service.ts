import type { HistoryFilter, HistoryPage, HistoryQuery, SessionUser } from '@rasd/shared';
import type { Database } from '../db/database';
import { incidentsToCsv } from '../domain/incidents-csv';
import { historyRepository as repo } from '../repositories/history.repository';
import type { AuditService } from './audit.service';

const csvLimit = 100_000;

/** Past incidents by plate, corridor, kind, status, officer and date. */
export function createHistoryService(db: Database, audit: AuditService) {
  /** Looking up a vehicle's record and taking data out of the system are both audited. */
  const record = (user: SessionUser, action: string, filter: HistoryFilter, found: number) =>
    audit.record({ actor: user.username, action, incidentId: null, data: { filter: { ...filter }, found } });

  return {
    async search(query: HistoryQuery, user: SessionUser): Promise<HistoryPage> {
      const { limit, offset, ...filter } = query;
      const [incidents, total] = await Promise.all([repo.search(db, filter, limit, offset), repo.count(db, filter)]);
      if (filter.plate && offset === 0) await record(user, 'history.plate_searched', filter, total);
      return { incidents, total, limit, offset };
    },

    async csv(filter: HistoryFilter, user: SessionUser): Promise<string> {
      const incidents = await repo.search(db, filter, csvLimit, 0);
      await record(user, 'history.exported', filter, incidents.length);
      return incidentsToCsv(incidents);
    },
  };
}
export type HistoryService = ReturnType<typeof createHistoryService>;
