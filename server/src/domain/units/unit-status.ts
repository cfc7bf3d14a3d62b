import type { Unit, UnitReport, UnitStatus } from '@rasd/shared';
import { AppError } from '../../errors';

const tasked: readonly UnitStatus[] = ['en_route', 'on_scene'];

/**
 * A unit's status as its device or a dispatcher sets it. En route and on scene need an assignment;
 * available ("done") and off duty end it. Null when nothing changes.
 */
export function withStatus(unit: Unit, status: UnitStatus, now: string): Unit | null {
  if (status === unit.status) return null;
  if (tasked.includes(status) && !unit.assignment) {
    throw new AppError('invalid_transition', `${unit.callSign} has no assignment to be ${status.replace('_', ' ')} for`, [{ path: 'status', message: 'no assignment' }]);
  }
  return { ...unit, status, assignment: tasked.includes(status) ? unit.assignment : null, updatedAt: now };
}

/** A device report: a newer position fix and/or a status. Fixes older than the stored one are ignored. */
export function withReport(unit: Unit, report: UnitReport, now: string): Unit | null {
  let next: Unit = unit;
  const fixAt = report.at ? new Date(report.at).toISOString() : now;
  if (report.position && (!unit.positionAt || fixAt >= unit.positionAt)) {
    next = { ...next, position: report.position, positionAt: fixAt, updatedAt: now };
  }
  if (report.status) next = withStatus(next, report.status, now) ?? next;
  return next === unit ? null : next;
}

/** Sends an available unit to an incident: it is en route from now on. */
export function withAssignment(unit: Unit, incidentId: string, by: string, now: string): Unit {
  if (unit.status !== 'available') {
    throw new AppError('invalid_transition', `${unit.callSign} is not available (${unit.status.replace('_', ' ')})`, [{ path: 'unitIds', message: `${unit.callSign}: ${unit.status}` }]);
  }
  return { ...unit, status: 'en_route', assignment: { incidentId, at: now, by }, updatedAt: now };
}
