import type { Handover, PressSummary, SessionUser, ShiftRef } from '@rasd/shared';
import type { Database } from '../db/database';
import { decideHandover, viewHandover, type HandoverCommand } from '../domain/handover';
import { decidePress, pressExportText, type PressCommand, type PressRecord } from '../domain/press';
import { draftPressStatement, notableArrests } from '../domain/press-draft';
import { summariseShift } from '../domain/shift-summary';
import { shiftRepository as shifts } from '../repositories/shift.repository';
import type { AuditService } from './audit.service';
import type { OversightService } from './oversight.service';

const person = (u: SessionUser) => ({ userId: u.id, username: u.username });

/** The commander's acts on a shift: the handover to the next shift and the public statement. */
export function createCommanderService(db: Database, audit: AuditService, oversight: OversightService) {
  async function liveSummary(at: Date) {
    const { shift, records } = await oversight.shiftRecords(at);
    return { shift, records, summary: summariseShift(shift, records, new Date()) };
  }

  function pressView(shift: ShiftRef, record: PressRecord | null, generated: { ar: string; en: string } | null): PressSummary {
    if (record) return { shift, generated: false, ...record };
    return { shift, status: 'draft', generated: true, ar: generated!.ar, en: generated!.en, updatedBy: null, updatedAt: null, approvedBy: null, approvedAt: null };
  }

  /** Decides on the stored state and stores the result with its audit entry in one transaction. */
  async function changePress(at: Date, user: SessionUser, command: PressCommand) {
    const shift = oversight.shiftOf(at);
    const now = new Date().toISOString();
    return db.transaction(async (tx) => {
      await shifts.lock(tx);
      const decision = decidePress(shift, await shifts.press(tx, shift.start, true), command, person(user), now);
      if (command.type !== 'export') await shifts.savePress(tx, shift, decision.record, now);
      await audit.append(tx, { at: now, actor: user.username, action: decision.audit.action, incidentId: null, data: decision.audit.data });
      return { shift, record: decision.record };
    });
  }

  return {
    async handover(at: Date): Promise<Handover> {
      const { shift, summary } = await liveSummary(at);
      return viewHandover(shift, await shifts.handover(db, shift.start), summary.handover.openIncidents);
    },

    async changeHandover(at: Date, user: SessionUser, command: 'submit' | 'acknowledge' | { notes: string }): Promise<Handover> {
      // Submission freezes what is open at that moment, so it is computed first.
      const { shift, summary } = await liveSummary(at);
      const open = summary.handover.openIncidents;
      const cmd: HandoverCommand =
        command === 'submit' ? { type: 'submit', openIncidents: open } : command === 'acknowledge' ? { type: 'acknowledge' } : { type: 'notes', notes: command.notes };
      const now = new Date().toISOString();
      const record = await db.transaction(async (tx) => {
        await shifts.lock(tx);
        const decision = decideHandover(shift, await shifts.handover(tx, shift.start, true), cmd, person(user), now);
        await shifts.saveHandover(tx, shift, decision.record, now);
        await audit.append(tx, { at: now, actor: user.username, action: decision.audit.action, incidentId: null, data: decision.audit.data });
        return decision.record;
      });
      return viewHandover(shift, record, open);
    },

    async press(at: Date): Promise<PressSummary> {
      const shift = oversight.shiftOf(at);
      const stored = await shifts.press(db, shift.start);
      if (stored) return pressView(shift, stored, null);
      const { records, summary } = await liveSummary(at);
      return pressView(shift, null, draftPressStatement(summary, notableArrests(shift, records)));
    },

    async savePress(at: Date, user: SessionUser, text: { ar: string; en: string }): Promise<PressSummary> {
      const { shift, record } = await changePress(at, user, { type: 'save', ...text });
      return pressView(shift, record, null);
    },

    async approvePress(at: Date, user: SessionUser): Promise<PressSummary> {
      const { shift, record } = await changePress(at, user, { type: 'approve' });
      return pressView(shift, record, null);
    },

    /** The approved text for publishing; refused (409) while it is a draft. */
    async exportPress(at: Date, user: SessionUser, lang: 'ar' | 'en' | 'both'): Promise<{ shift: ShiftRef; text: string }> {
      const { shift, record } = await changePress(at, user, { type: 'export', lang });
      return { shift, text: pressExportText(record, lang) };
    },
  };
}
export type CommanderService = ReturnType<typeof createCommanderService>;
