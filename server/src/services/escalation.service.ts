import type { Incident } from '@rasd/shared';
import type { Database } from '../db/database';
import type { Actor } from '../domain/lifecycle';
import { incidentRepository as repo } from '../repositories/incident.repository';
import type { IncidentCommandService } from './incident-command.service';

const system: Actor = { userId: 'system', username: 'system', role: 'commander' };

/**
 * Escalates critical incidents nobody claimed within `afterS` seconds, all of a sweep in one
 * transaction. Every instance may sweep: the lifecycle escalates an incident only once, and the
 * incidents are read under the write locks.
 */
export function createEscalationService(db: Database, commands: IncidentCommandService, afterS: number) {
  async function sweep(now = new Date()): Promise<Incident[]> {
    const cutoff = new Date(now.getTime() - afterS * 1000).toISOString();
    return commands.executeMany(await repo.awaitingEscalation(db, cutoff), system, { type: 'escalate' });
  }

  return {
    sweep,
    start(onError: (error: unknown) => void) {
      const everyMs = Math.min(5_000, Math.max(250, (afterS * 1000) / 4));
      let running = false;
      const timer = setInterval(() => {
        if (running) return;
        running = true;
        sweep()
          .catch(onError)
          .finally(() => {
            running = false;
          });
      }, everyMs);
      return () => clearInterval(timer);
    },
  };
}
