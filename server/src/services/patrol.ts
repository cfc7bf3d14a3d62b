import type { Database } from '../db/database';
import { incidentRepository } from '../repositories/incident.repository';
import type { RoadGeography } from '../domain/road-geography';
import type { AuditService } from './audit.service';
import { createDispatchService } from './dispatch.service';
import type { IncidentCommandService } from './incident-command.service';
import { createUnitService, type UnitDisconnector, type UnitPublisher } from './unit.service';

/** Patrol units and dispatch, wired once for the composition root. */
export function createPatrol(db: Database, audit: AuditService, commands: IncidentCommandService, realtime: { unitChanged: UnitPublisher; disconnectUnit: UnitDisconnector }, geo: RoadGeography) {
  const units = createUnitService(db, audit, realtime.unitChanged, realtime.disconnectUnit);
  return {
    units,
    dispatch: createDispatchService(db, commands, units, geo),
    geo,
    /** An incident as stored (the patrol simulator follows its unit's assignment). */
    incident: (id: string) => incidentRepository.get(db, id),
  };
}
export type Patrol = ReturnType<typeof createPatrol>;
