import { trackPositionAt, type DispatchProposal, type Incident, type Intercept, type Unit } from '@rasd/shared';
import type { Database } from '../db/database';
import type { CameraRegistry } from '../domain/cameras';
import { interceptFor, proposeUnits } from '../domain/dispatch/intercept';
import { snap, travelFrom, type RoadNetwork } from '../domain/network/road-network';
import type { Actor } from '../domain/lifecycle';
import { AppError } from '../errors';
import { incidentRepository } from '../repositories/incident.repository';
import { unitRepository } from '../repositories/unit.repository';
import type { IncidentCommandService } from './incident-command.service';
import type { UnitService } from './unit.service';

/** Proposes units for an incident (nearest by road, or ahead of a wrong-way vehicle) and sends them. */
export function createDispatchService(db: Database, commands: IncidentCommandService, units: UnitService, geo: { network: RoadNetwork; registry: CameraRegistry }) {
  const nearestCamera = (track: NonNullable<Incident['track']>) => (_corridorId: string, km: number) => {
    const cameras = geo.registry.onCarriageway(track.corridorId, track.carriageway);
    let best: { id: string; d: number } | null = null;
    for (const c of cameras) if (!best || Math.abs(c.km - km) < best.d) best = { id: c.id, d: Math.abs(c.km - km) };
    return best?.id ?? null;
  };

  return {
    async proposal(incidentId: string, now = Date.now()): Promise<DispatchProposal> {
      const incident = await incidentRepository.get(db, incidentId);
      if (!incident) throw new AppError('not_found', `incident '${incidentId}' does not exist`);
      const track = incident.track && !trackPositionAt(incident.track, now).lost ? incident.track : undefined;
      const location = track ? trackPositionAt(track, now).location : incident.location;
      const ranked = proposeUnits(geo.network, { location, corridorId: incident.corridorId, ...(track ? { track } : {}) }, await units.list(), now, track && nearestCamera(track));
      return { incidentId, at: new Date(now).toISOString(), target: location, units: ranked };
    },

    /** Where a unit sent to a wrong-way track can get ahead of it now (its tablet shows this). */
    interceptFor(unit: Unit, incident: Incident, now = Date.now()): Intercept | null {
      if (!incident.track || !unit.position) return null;
      const travel = travelFrom(geo.network, snap(geo.network, unit.position));
      return interceptFor(incident.track, unit.kind, travel, now, nearestCamera(incident.track));
    },

    async dispatch(incidentId: string, actor: Actor, unitIds: readonly string[]): Promise<Incident> {
      const ids = [...new Set(unitIds)];
      const found = await unitRepository.many(db, ids);
      const missing = ids.filter((id) => !found.some((u) => u.id === id));
      if (missing.length) throw new AppError('invalid_input', 'unknown units', missing.map((id) => ({ path: 'unitIds', message: `unknown unit ${id}` })));
      let sent: Unit[] = [];
      const incident = await commands.execute(
        incidentId,
        actor,
        { type: 'dispatch', units: found.map((u) => ({ unitId: u.id, callSign: u.callSign })) },
        async (tx, stored, now) => {
          // The units this decision added (stamped with its time); ones sent earlier keep their state.
          const fresh = stored.assignedUnits!.filter((a) => a.at === now).map((a) => a.unitId);
          sent = await units.assignInTx(tx, fresh, stored.id, actor.username, stored.seq, now);
        },
      );
      for (const unit of sent) units.publish(unit);
      return incident;
    },
  };
}
export type DispatchService = ReturnType<typeof createDispatchService>;
