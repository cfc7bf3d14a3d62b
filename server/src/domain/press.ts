import type { PressStatus, ShiftRef } from '@rasd/shared';
import { AppError } from '../errors';
import { canonicalHash } from './canonical-hash';
import type { Person } from './handover';

/** A stored press statement of one shift. */
export interface PressRecord {
  status: PressStatus;
  ar: string;
  en: string;
  updatedBy: Person;
  updatedAt: string;
  approvedBy: Person | null;
  approvedAt: string | null;
}

export type PressCommand = { type: 'save'; ar: string; en: string } | { type: 'approve' } | { type: 'export'; lang: 'ar' | 'en' | 'both' };

export interface PressDecision {
  record: PressRecord;
  audit: { action: string; data: Record<string, unknown> };
}

const refuse = (message: string) => new AppError('invalid_transition', message);
/** The audit log records which text was approved and exported without copying it every time. */
const textHash = (r: { ar: string; en: string }) => canonicalHash({ ar: r.ar, en: r.en });

/**
 * The statement's rules: saved drafts are edited freely; approval fixes the text; any later edit
 * takes it back to a draft that needs approving again; only an approved text is exported.
 */
export function decidePress(shift: ShiftRef, current: PressRecord | null, command: PressCommand, actor: Person, now: string): PressDecision {
  const who = { userId: actor.userId, username: actor.username };
  const base = { shift: shift.label, shiftStart: shift.start };
  switch (command.type) {
    case 'save': {
      const unchanged = current !== null && current.ar === command.ar && current.en === command.en;
      const record: PressRecord =
        unchanged && current.status === 'approved'
          ? current
          : { status: 'draft', ar: command.ar, en: command.en, updatedBy: who, updatedAt: now, approvedBy: null, approvedAt: null };
      return {
        record,
        audit: { action: 'shift.press_saved', data: { ...base, ar: command.ar, en: command.en, approvalWithdrawn: current?.status === 'approved' && !unchanged } },
      };
    }
    case 'approve':
      if (!current) throw refuse('save the draft before approving it');
      if (current.status === 'approved') throw refuse(`the statement of ${shift.label} is already approved`);
      return {
        record: { ...current, status: 'approved', approvedBy: who, approvedAt: now },
        audit: { action: 'shift.press_approved', data: { ...base, textHash: textHash(current) } },
      };
    case 'export':
      if (current?.status !== 'approved') throw refuse('the statement must be approved before it is exported');
      return { record: current, audit: { action: 'shift.press_exported', data: { ...base, lang: command.lang, textHash: textHash(current) } } };
  }
}

/** The exported text: the approved statement in one or both languages, Arabic first. */
export function pressExportText(record: PressRecord, lang: 'ar' | 'en' | 'both'): string {
  const approved = `${record.approvedBy?.username ?? ''} ${record.approvedAt ?? ''}`.trim();
  const parts = lang === 'both' ? [record.ar, record.en] : [record[lang]];
  return `${parts.join('\n\n———\n\n')}\n\n[approved: ${approved}]\n`;
}
