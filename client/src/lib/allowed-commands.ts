import type { Incident, IncidentStatus, Role, SessionUser } from '@rasd/shared';

/**
 * What the desk offers a user on an incident. It mirrors the server's permission matrix and
 * lifecycle (server/src/auth/permissions.ts, server/src/domain/lifecycle.ts) so that buttons the
 * server would refuse are not shown; the server still decides, and its refusal is shown as is.
 */
export interface AllowedCommands {
  claim: boolean;
  release: boolean;
  handover: boolean;
  takeover: boolean;
  close: boolean;
  /** Record a legal action (the form and the "correct" buttons). */
  action: boolean;
  verify: boolean;
}

const operational: readonly Role[] = ['officer', 'dispatcher', 'commander'];
const finished: readonly IncidentStatus[] = ['closed', 'merged', 'rejected'];
/** Statuses in which the lifecycle accepts a legal action. */
export const actionableStatuses: readonly IncidentStatus[] = ['claimed', 'verified', 'dispatched', 'actioned'];

export const noCommands: AllowedCommands = {
  claim: false,
  release: false,
  handover: false,
  takeover: false,
  close: false,
  action: false,
  verify: false,
};

export function allowedCommands(incident: Incident, user: SessionUser | null): AllowedCommands {
  if (!user || !operational.includes(user.role)) return noCommands;
  const open = !finished.includes(incident.status);
  const holder = incident.claimedBy;
  const holds = holder?.userId === user.id;
  const commander = user.role === 'commander';
  return {
    claim: open && !holder,
    release: holder !== null && (holds || commander),
    // A commander may also assign an incident nobody holds yet.
    handover: open && (holds || commander),
    // Taking over is for an incident someone else holds; an unclaimed one is simply claimed.
    takeover: commander && open && holder !== null && !holds,
    close: incident.status === 'actioned' && (holds || commander),
    action: holds && actionableStatuses.includes(incident.status),
    verify:
      (user.role === 'officer' || commander) &&
      incident.source !== 'camera' &&
      incident.status === 'verifying' &&
      (!holder || holds),
  };
}
