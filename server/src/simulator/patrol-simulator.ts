import type { Logger } from 'pino';
import { trackPositionAt, type GeoPoint, type Incident, type Unit } from '@rasd/shared';
import { interceptFor } from '../domain/dispatch/intercept';
import { snap, travelFrom } from '../domain/network/road-network';
import { pointAt } from '../domain/geo/corridor-line';
import type { Patrol } from '../services/patrol';
import { simulatorSender } from './simulator';
import { createPatrolFleet, fleet } from './patrol-fleet';

/** Where an assigned unit drives: ahead of a live wrong-way vehicle when it can get there first, else the incident. */
function destination(patrol: Patrol, unit: Unit, incident: Incident, nowMs: number): GeoPoint {
  const track = incident.track;
  if (track && unit.position && !trackPositionAt(track, nowMs).lost) {
    const start = snap(patrol.geo.network, unit.position);
    const intercept = interceptFor(track, unit.kind, travelFrom(patrol.geo.network, start), nowMs);
    return intercept?.location ?? trackPositionAt(track, nowMs).location;
  }
  return incident.location;
}

/** The demo's patrol units, created on first start (with `firstUnitKey` for P-101's tablet when given), moving live. */
export async function startPatrolSimulator(patrol: Patrol, log: Logger, options: { firstUnitKey?: string | null; tickMs?: number } = {}) {
  for (const [i, spec] of fleet.entries()) {
    if (await patrol.units.byCallSign(spec.callSign)) continue;
    const key = i === 0 && options.firstUnitKey ? options.firstUnitKey : undefined;
    const { unit } = await patrol.units.create(simulatorSender, { callSign: spec.callSign, kind: spec.kind }, key);
    await patrol.units.report(unit, { position: pointAt(patrol.geo.network.lines.get(spec.corridorId)!, spec.km) });
  }
  const tickMs = options.tickMs ?? 2000;
  const model = createPatrolFleet(patrol.geo, Math.random);
  // A destination is chosen once per assignment, as a crew would be told it on the radio.
  const chosen = new Map<string, GeoPoint>();
  const keyOf = (unit: Unit) => `${unit.id}:${unit.assignment?.incidentId ?? ''}`;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void (async () => {
      const now = Date.now();
      const units = (await patrol.units.list()).filter((u) => fleet.some((f) => f.callSign === u.callSign));
      for (const unit of units) {
        if (!unit.assignment || chosen.has(keyOf(unit))) continue;
        const incident = await patrol.incident(unit.assignment.incidentId);
        if (incident) chosen.set(keyOf(unit), destination(patrol, unit, incident, now));
      }
      for (const { unit, report } of model.step(units, now, tickMs / 1000, (u) => chosen.get(keyOf(u)) ?? null)) await patrol.units.report(unit, report);
    })()
      .catch((error: unknown) => log.error({ err: error }, 'simulated patrol failed'))
      .finally(() => (running = false));
  }, tickMs);
  log.info({ units: fleet.length }, 'simulated patrol units on');
  return { stop: () => clearInterval(timer) };
}
