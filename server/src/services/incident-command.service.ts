import { randomUUID } from 'node:crypto';
import type { Incident } from '@rasd/shared';
import type { Database, Queryable } from '../db/database';
import { decide, type Actor, type IncidentCommand } from '../domain/lifecycle';
import { AppError } from '../errors';
import { incidentRepository as repo } from '../repositories/incident.repository';
import type { AuditService } from './audit.service';
import type { Publisher } from './publisher';

class StaleIncident extends Error {}

/** Claims, verification and legal actions: decide on the stored incident, store, audit, then publish. */
export function createIncidentCommandService(db: Database, audit: AuditService, publisher: Publisher) {
  /**
   * `alsoStore` writes what else the change implies (e.g. the units a dispatch sends) in the same
   * transaction, under the same seq; throwing there undoes the whole change.
   */
  async function execute(
    incidentId: string,
    actor: Actor,
    command: IncidentCommand,
    alsoStore?: (tx: Queryable, stored: Incident, now: string) => Promise<void>,
  ): Promise<Incident> {
    // A conditional update on the incident's seq: when another change landed between read and write,
    // decide again on the fresh state (so the second of two claims sees the first one's holder).
    for (let attempt = 0; attempt < 20; attempt++) {
      const current = await repo.get(db, incidentId);
      if (!current) throw new AppError('not_found', `incident '${incidentId}' does not exist`);
      const now = new Date().toISOString();
      const decision = decide(current, command, actor, now);
      if (!decision) return current;
      try {
        const stored = await db.transaction(async (tx) => {
          const seq = await repo.nextSeq(tx);
          const next: Incident = { ...decision.incident, seq };
          if (!(await repo.updateIfUnchanged(tx, next, current.seq))) throw new StaleIncident();
          const data = { ...decision.event.data, status: next.status };
          await repo.appendHistory(tx, incidentId, { seq, at: now, type: decision.event.type, actor: actor.username, data });
          await audit.append(tx, { at: now, actor: actor.username, action: `incident.${decision.event.type}`, incidentId, data });
          await alsoStore?.(tx, next, now);
          return next;
        });
        publisher.incidentChanged(stored);
        if (command.type === 'escalate') publisher.incidentEscalated(stored);
        return stored;
      } catch (error) {
        if (!(error instanceof StaleIncident)) throw error;
      }
    }
    throw new AppError('unavailable', 'the incident is changing too fast; try again');
  }

  return {
    execute,
    newActionId: () => randomUUID(),
  };
}
export type IncidentCommandService = ReturnType<typeof createIncidentCommandService>;
