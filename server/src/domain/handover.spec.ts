import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { decideHandover, viewHandover, type HandoverIncident, type HandoverRecord } from './handover';
import { shiftContaining } from './shifts';

const shift = shiftContaining(new Date('2026-11-27T10:00:00Z'));
const during = '2026-11-27T12:00:00.000Z';
const amr = { userId: 'u1', username: 'amr' };
const hoda = { userId: 'u2', username: 'hoda' };
const open: HandoverIncident[] = [
  { id: 'i1', kind: 'wrong_way', severity: 'critical', status: 'claimed', corridorId: 'ring_road', claimedBy: { userId: 'o1', username: 'officer1', at: during }, firstSeenAt: during, plate: null },
];

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return 'ok';
}

describe('decideHandover', () => {
  it('saves notes on a draft, then freezes the open incidents on submission', () => {
    const notes = decideHandover(shift, null, { type: 'notes', notes: 'الدائري مزدحم' }, amr, during);
    expect(notes.record).toMatchObject({ status: 'draft', notes: 'الدائري مزدحم', notesBy: amr, notesAt: during });
    expect(notes.audit.action).toBe('shift.handover_notes_saved');
    const submitted = decideHandover(shift, notes.record, { type: 'submit', openIncidents: open }, amr, during);
    expect(submitted.record).toMatchObject({ status: 'submitted', submittedBy: amr, openIncidents: open, notes: 'الدائري مزدحم' });
    expect(submitted.audit.data).toMatchObject({ openIncidents: [{ id: 'i1', status: 'claimed', claimedBy: 'officer1' }] });
  });

  it('refuses edits and a second submission after submission', () => {
    const submitted = decideHandover(shift, null, { type: 'submit', openIncidents: [] }, amr, during).record;
    expect(refusal(() => decideHandover(shift, submitted, { type: 'notes', notes: 'x' }, amr, during))).toBe('invalid_transition');
    expect(refusal(() => decideHandover(shift, submitted, { type: 'submit', openIncidents: [] }, amr, during))).toBe('invalid_transition');
  });

  it('refuses a handover of a shift that has not started', () => {
    const before = '2026-11-27T05:00:00.000Z';
    expect(refusal(() => decideHandover(shift, null, { type: 'notes', notes: 'x' }, amr, before))).toBe('invalid_transition');
    expect(refusal(() => decideHandover(shift, null, { type: 'submit', openIncidents: [] }, amr, before))).toBe('invalid_transition');
  });

  it('is acknowledged once, only after submission, and not by the commander who submitted it', () => {
    expect(refusal(() => decideHandover(shift, null, { type: 'acknowledge' }, hoda, during))).toBe('invalid_transition');
    const submitted = decideHandover(shift, null, { type: 'submit', openIncidents: open }, amr, during).record;
    expect(refusal(() => decideHandover(shift, submitted, { type: 'acknowledge' }, amr, during))).toBe('invalid_transition');
    const acked = decideHandover(shift, submitted, { type: 'acknowledge' }, hoda, '2026-11-27T14:05:00.000Z');
    expect(acked.record).toMatchObject({ status: 'acknowledged', acknowledgedBy: hoda, acknowledgedAt: '2026-11-27T14:05:00.000Z' });
    expect(acked.audit).toMatchObject({ action: 'shift.handover_acknowledged', data: { submittedBy: 'amr' } });
    expect(refusal(() => decideHandover(shift, acked.record, { type: 'acknowledge' }, hoda, during))).toBe('invalid_transition');
  });
});

describe('viewHandover', () => {
  it('shows the live open incidents on a draft and the frozen ones once submitted', () => {
    expect(viewHandover(shift, null, open)).toMatchObject({ status: 'draft', notes: '', openIncidents: open, shift });
    const frozen: HandoverRecord = decideHandover(shift, null, { type: 'submit', openIncidents: [] }, amr, during).record;
    expect(viewHandover(shift, frozen, open).openIncidents).toEqual([]);
  });
});
