import type { WallStats } from '@rasd/shared';
import type { Database } from '../db/database';
import { shiftContaining } from '../domain/shifts';
import { summariseWall } from '../domain/wall-stats';
import { incidentRepository as repo } from '../repositories/incident.repository';

/** Read-only figures for the wall display (see `summariseWall`). */
export function createWallService(db: Database) {
  return {
    async stats(now = new Date()): Promise<WallStats> {
      const shift = shiftContaining(now);
      const incidents = await repo.touching(db, shift.start, shift.end);
      const histories = await repo.histories(db, incidents.map((i) => i.id));
      return summariseWall(shift, incidents.map((incident) => ({ incident, history: histories.get(incident.id) ?? [] })), now);
    },
  };
}
export type WallService = ReturnType<typeof createWallService>;
