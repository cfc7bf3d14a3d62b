import type { Incident, IncidentStatus, SessionUser } from '@rasd/shared';

/** Mirrors the server: dispatchers and commanders send units to open, verified (or camera) incidents. */
const dispatchable: readonly IncidentStatus[] = ['new', 'claimed', 'verified', 'dispatched'];

export function canDispatch(incident: Incident, user: SessionUser | null): boolean {
  return (user?.role === 'dispatcher' || user?.role === 'commander') && dispatchable.includes(incident.status);
}

/** Dispatchers and commanders set a unit's status by hand. */
export const canSetUnitStatus = (user: SessionUser | null) => user?.role === 'dispatcher' || user?.role === 'commander';
