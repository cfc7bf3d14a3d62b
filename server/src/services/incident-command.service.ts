import { randomUUID } from 'node:crypto';
import type { Incident } from '@rasd/shared';
import type { Database, Queryable } from '../db/database';
import { combinedWrites } from '../db/rows';
import { decide, type Actor, type Decision, type IncidentCommand } from '../domain/lifecycle';
import { AppError } from '../errors';
import { incidentRepository as repo, incidentWrites } from '../repositories/incident.repository';
import { chainedInsert, type AuditService } from './audit.service';
import { lockChanges, reserveChanges } from './change-block';
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
        publish(stored, command);
        return stored;
      } catch (error) {
        if (!(error instanceof StaleIncident)) throw error;
      }
    }
    throw new AppError('unavailable', 'the incident is changing too fast; try again');
  }

  function publish(stored: Incident, command: IncidentCommand) {
    publisher.incidentChanged(stored);
    if (command.type === 'escalate') publisher.incidentEscalated(stored);
  }

  /**
   * One command on many incidents in one transaction (the escalation sweep): four statements
   * however many there are, where one by one each would be its own transaction. The incidents are
   * read under both write locks, so nobody changes them between the decision and the write; those
   * the command no longer applies to are left alone. Answers the changed incidents, in seq order.
   * Meant for commands the lifecycle answers with "nothing to do" rather than an error when they no
   * longer apply (escalate): an error for one incident refuses the whole batch.
   */
  async function executeMany(incidentIds: readonly string[], actor: Actor, command: IncidentCommand): Promise<Incident[]> {
    if (incidentIds.length === 0) return [];
    const changed = await db.transaction(async (tx) => {
      await lockChanges(tx);
      const now = new Date().toISOString();
      const decisions = (await repo.getMany(tx, incidentIds))
        .map((current) => decide(current, command, actor, now))
        .filter((d): d is Decision => d !== null);
      if (decisions.length === 0) return [];
      const { seqs, audit } = await reserveChanges(tx, decisions.length);
      const changes = decisions.map(({ incident, event }, i) => {
        const next: Incident = { ...incident, seq: seqs[i]! };
        return { incident: next, type: event.type, data: { ...event.data, status: next.status } };
      });
      const writes = combinedWrites([
        incidentWrites.upsertIncidents(changes.map((c) => c.incident)),
        incidentWrites.appendHistories(
          changes.map(({ incident, type, data }) => ({ incidentId: incident.id, entry: { seq: incident.seq, at: now, type, actor: actor.username, data } })),
        ),
        chainedInsert(
          audit,
          changes.map(({ incident, type, data }) => ({ at: now, actor: actor.username, action: `incident.${type}`, incidentId: incident.id, data })),
        ),
      ]);
      await tx.query(writes.sql, writes.params);
      return changes.map((c) => c.incident);
    });
    for (const incident of changed) publish(incident, command);
    return changed;
  }

  return {
    execute,
    executeMany,
    newActionId: () => randomUUID(),
  };
}
export type IncidentCommandService = ReturnType<typeof createIncidentCommandService>;
