import type { Handover, HandoverStatus, ShiftRef, ShiftSummary } from '@rasd/shared';
import { AppError } from '../errors';

export type HandoverIncident = ShiftSummary['handover']['openIncidents'][number];
export interface Person {
  userId: string;
  username: string;
}

/** What is stored for one shift's handover; the open incidents only once frozen by submission. */
export interface HandoverRecord {
  status: HandoverStatus;
  notes: string;
  notesBy: Person | null;
  notesAt: string | null;
  submittedBy: Person | null;
  submittedAt: string | null;
  acknowledgedBy: Person | null;
  acknowledgedAt: string | null;
  openIncidents: HandoverIncident[] | null;
}

export type HandoverCommand =
  | { type: 'notes'; notes: string }
  | { type: 'submit'; openIncidents: HandoverIncident[] }
  | { type: 'acknowledge' };

export interface HandoverDecision {
  record: HandoverRecord;
  /** The audit entry that records the change. */
  audit: { action: string; data: Record<string, unknown> };
}

export const emptyHandover: HandoverRecord = {
  status: 'draft',
  notes: '',
  notesBy: null,
  notesAt: null,
  submittedBy: null,
  submittedAt: null,
  acknowledgedBy: null,
  acknowledgedAt: null,
  openIncidents: null,
};

const refuse = (message: string) => new AppError('invalid_transition', message);

/**
 * The handover's rules: notes are written and the handover submitted by a commander of the shift
 * once it has started; after submission nothing is edited (it is the record of what was passed on);
 * a commander other than the one who submitted it acknowledges it, once.
 */
export function decideHandover(shift: ShiftRef, current: HandoverRecord | null, command: HandoverCommand, actor: Person, now: string): HandoverDecision {
  const record = current ?? emptyHandover;
  const who = { userId: actor.userId, username: actor.username };
  const base = { shift: shift.label, shiftStart: shift.start };
  switch (command.type) {
    case 'notes':
      if (record.status !== 'draft') throw refuse(`the handover of ${shift.label} is ${record.status}; its notes can no longer change`);
      if (Date.parse(now) < Date.parse(shift.start)) throw refuse(`the shift ${shift.label} has not started`);
      return {
        record: { ...record, notes: command.notes, notesBy: who, notesAt: now },
        audit: { action: 'shift.handover_notes_saved', data: { ...base, notes: command.notes } },
      };
    case 'submit':
      if (record.status !== 'draft') throw refuse(`the handover of ${shift.label} is already ${record.status}`);
      if (Date.parse(now) < Date.parse(shift.start)) throw refuse(`the shift ${shift.label} has not started`);
      return {
        record: { ...record, status: 'submitted', submittedBy: who, submittedAt: now, openIncidents: command.openIncidents },
        audit: {
          action: 'shift.handover_submitted',
          data: { ...base, notes: record.notes, openIncidents: command.openIncidents.map((i) => ({ id: i.id, status: i.status, claimedBy: i.claimedBy?.username ?? null })) },
        },
      };
    case 'acknowledge':
      if (record.status === 'acknowledged') throw refuse(`the handover of ${shift.label} was already acknowledged by ${record.acknowledgedBy?.username}`);
      if (record.status !== 'submitted') throw refuse(`the handover of ${shift.label} has not been submitted yet`);
      // Acknowledging is the incoming commander's confirmation: the one who handed over cannot give it.
      if (record.submittedBy?.userId === actor.userId) throw refuse('the handover must be acknowledged by the next shift’s commander, not the one who submitted it');
      return {
        record: { ...record, status: 'acknowledged', acknowledgedBy: who, acknowledgedAt: now },
        audit: { action: 'shift.handover_acknowledged', data: { ...base, submittedBy: record.submittedBy?.username ?? null } },
      };
  }
}

/** The handover as served: a draft shows the incidents open now, a submitted one what was frozen. */
export function viewHandover(shift: ShiftRef, record: HandoverRecord | null, liveOpen: HandoverIncident[]): Handover {
  const r = record ?? emptyHandover;
  const { openIncidents, ...rest } = r;
  return { shift, ...rest, openIncidents: r.status === 'draft' || !openIncidents ? liveOpen : openIncidents };
}
