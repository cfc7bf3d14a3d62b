import {
  type AssignedUnit,
  legalActionSpec,
  normalisePlate,
  type Incident,
  type IncidentStatus,
  type LegalAction,
  type LegalActionRequest,
  type Role,
  type VerifyRequest,
} from '@rasd/shared';
import { AppError } from '../errors';

export interface Actor {
  userId: string;
  username: string;
  role: Role;
}

export type IncidentCommand =
  | { type: 'claim' }
  | { type: 'release' }
  | { type: 'takeover' }
  | { type: 'handover'; to: Actor }
  | { type: 'verify'; request: VerifyRequest }
  | { type: 'action'; request: LegalActionRequest; actionId: string }
  | { type: 'close' }
  | { type: 'escalate' }
  | { type: 'dispatch'; units: Pick<AssignedUnit, 'unitId' | 'callSign'>[] };

/** What a command changed: the new incident and the history entry that records it. */
export interface Decision {
  incident: Incident;
  event: { type: string; data: Record<string, unknown> };
}

const finished: readonly IncidentStatus[] = ['closed', 'merged', 'rejected'];
const actionable: readonly IncidentStatus[] = ['claimed', 'verified', 'dispatched', 'actioned'];
/** Units go to an incident that is open and, for a citizen report, verified; more can join later. */
const dispatchable: readonly IncidentStatus[] = ['new', 'claimed', 'verified', 'dispatched'];

const invalid = (incident: Incident, what: string) =>
  new AppError('invalid_transition', `cannot ${what} an incident that is ${incident.status}`);

function alreadyClaimed(incident: Incident): AppError {
  const holder = incident.claimedBy!.username;
  return new AppError('already_claimed', `already claimed by ${holder}`, [{ path: 'claimedBy', message: holder }]);
}

const holds = (incident: Incident, actor: Actor) => incident.claimedBy?.userId === actor.userId;
const person = (actor: Actor) => ({ userId: actor.userId, username: actor.username });

/** Status once nobody holds the incident any more. */
function unclaimedStatus(incident: Incident): IncidentStatus {
  if (incident.status !== 'claimed') return incident.status;
  return incident.verification?.verdict === 'verified' ? 'verified' : 'new';
}

function claimedStatus(incident: Incident): IncidentStatus {
  return incident.status === 'new' || incident.status === 'verified' ? 'claimed' : incident.status;
}

function claimFor(incident: Incident, actor: Actor, now: string, type: string): Decision {
  return {
    incident: { ...incident, claimedBy: { ...person(actor), at: now }, status: claimedStatus(incident) },
    event: { type, data: { previousHolder: incident.claimedBy?.username ?? null } },
  };
}

function legalAction(incident: Incident, actor: Actor, request: LegalActionRequest, id: string, now: string): LegalAction {
  const spec = legalActionSpec(request.type);
  const details: { path: string; message: string }[] = spec.requires
    .filter((field) => !request[field])
    .map((path) => ({ path, message: `required for ${request.type}` }));
  const plate = request.plate === undefined ? null : normalisePlate(request.plate);
  if (request.plate !== undefined && plate === null) {
    details.push({ path: 'plate', message: 'not an Egyptian plate (Arabic letters and up to four digits)' });
  }
  if (request.corrects && !incident.actions.some((a) => a.id === request.corrects)) {
    details.push({ path: 'corrects', message: 'no such action on this incident' });
  }
  if (details.length) throw new AppError('invalid_input', 'the legal action is incomplete', details);
  return {
    id,
    type: request.type,
    plate,
    caseNumber: request.caseNumber ?? null,
    notes: request.notes ?? null,
    corrects: request.corrects ?? null,
    by: person(actor),
    at: now,
  };
}

/**
 * The incident lifecycle as a pure function: the command's outcome, `null` when it changes nothing
 * (a repeated claim by the holder), or an AppError naming why it is refused.
 */
export function decide(incident: Incident, command: IncidentCommand, actor: Actor, now: string): Decision | null {
  const isCommander = actor.role === 'commander';
  switch (command.type) {
    case 'claim':
      if (finished.includes(incident.status)) throw invalid(incident, 'claim');
      if (holds(incident, actor)) return null;
      if (incident.claimedBy) throw alreadyClaimed(incident);
      return claimFor(incident, actor, now, 'claimed');

    case 'takeover':
      if (finished.includes(incident.status)) throw invalid(incident, 'take over');
      if (holds(incident, actor)) return null;
      return claimFor(incident, actor, now, 'taken_over');

    case 'release':
      if (!incident.claimedBy) throw invalid(incident, 'release an unclaimed incident: it');
      if (!holds(incident, actor) && !isCommander) throw new AppError('forbidden', 'only the holder or a commander can release it');
      return {
        incident: { ...incident, claimedBy: null, status: unclaimedStatus(incident) },
        event: { type: 'released', data: { previousHolder: incident.claimedBy.username } },
      };

    case 'handover':
      if (finished.includes(incident.status)) throw invalid(incident, 'hand over');
      if (!holds(incident, actor) && !isCommander) throw new AppError('forbidden', 'only the holder or a commander can hand it over');
      if (command.to.role === 'admin') throw new AppError('invalid_input', 'an administrator cannot hold incidents', [{ path: 'username', message: 'not an operational role' }]);
      if (incident.claimedBy?.userId === command.to.userId) return null;
      return {
        incident: { ...incident, claimedBy: { ...person(command.to), at: now }, status: claimedStatus(incident) },
        event: { type: 'handed_over', data: { from: incident.claimedBy?.username ?? null, to: command.to.username } },
      };

    case 'verify': {
      if (incident.source === 'camera' || incident.status !== 'verifying') throw invalid(incident, 'verify');
      if (incident.claimedBy && !holds(incident, actor)) throw alreadyClaimed(incident);
      const { verdict, reason } = command.request;
      if (verdict === 'rejected' && !reason) {
        throw new AppError('invalid_input', 'a rejection needs a reason', [{ path: 'reason', message: 'required when rejecting' }]);
      }
      const verification = { verdict, reason: reason ?? null, by: person(actor), at: now };
      const rejected = verdict === 'rejected';
      return {
        incident: {
          ...incident,
          verification,
          status: rejected ? 'rejected' : 'verified',
          // The verifier keeps the case to record the action; a rejected report is nobody's.
          claimedBy: rejected ? null : (incident.claimedBy ?? { ...person(actor), at: now }),
        },
        event: { type: rejected ? 'rejected' : 'verified', data: { reason: reason ?? null } },
      };
    }

    case 'action': {
      if (!actionable.includes(incident.status)) throw invalid(incident, 'record a legal action on');
      if (!holds(incident, actor)) throw new AppError('forbidden', 'only the holder can record a legal action');
      const action = legalAction(incident, actor, command.request, command.actionId, now);
      return {
        incident: { ...incident, actions: [...incident.actions, action], status: 'actioned' },
        event: { type: 'action_recorded', data: { actionId: action.id, type: action.type, corrects: action.corrects } },
      };
    }

    case 'close':
      if (incident.status !== 'actioned') throw invalid(incident, 'close');
      if (!holds(incident, actor) && !isCommander) throw new AppError('forbidden', 'only the holder or a commander can close it');
      return { incident: { ...incident, status: 'closed', claimedBy: null }, event: { type: 'closed', data: {} } };

    case 'escalate': {
      // Only an incident still waiting for someone escalates, and only once.
      if (incident.claimedBy || incident.escalatedAt || !['new', 'verifying', 'verified'].includes(incident.status)) return null;
      const severity = incident.severity === 'low' ? 'medium' : incident.severity === 'medium' ? 'high' : 'critical';
      return {
        incident: { ...incident, severity, escalatedAt: now },
        event: { type: 'escalated', data: { from: incident.severity, to: severity } },
      };
    }

    case 'dispatch': {
      if (!dispatchable.includes(incident.status)) throw invalid(incident, 'dispatch units to');
      const assigned = incident.assignedUnits ?? [];
      const fresh: AssignedUnit[] = command.units
        .filter((u) => !assigned.some((a) => a.unitId === u.unitId))
        .map((u) => ({ unitId: u.unitId, callSign: u.callSign, at: now, by: actor.username }));
      if (fresh.length === 0) return null;
      // The claim stays as it was: dispatching is the dispatcher's job, the case stays the officer's.
      return {
        incident: { ...incident, status: 'dispatched', assignedUnits: [...assigned, ...fresh] },
        event: { type: 'dispatched', data: { units: fresh.map((u) => u.callSign), unitIds: fresh.map((u) => u.unitId) } },
      };
    }

    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${JSON.stringify(unknown)}`);
    }
  }
}
