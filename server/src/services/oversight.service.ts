import type { ShiftReport, ShiftSummary } from '@rasd/shared';
import { incidentsToCsv } from '../domain/incidents-csv';
import type { Database } from '../db/database';
import { summariseShift, type IncidentRecord } from '../domain/shift-summary';
import { defaultShiftStarts, shiftContaining, type Shift } from '../domain/shifts';
import { incidentRepository as repo } from '../repositories/incident.repository';
import { shiftRepository } from '../repositories/shift.repository';
import { viewHandover } from '../domain/handover';

const csvLimit = 100_000;

export interface OversightOptions {
  /** Local start hours of the shifts (RASD_SHIFT_STARTS). */
  shiftStarts?: readonly number[];
}

/** Commanders' views: shift summaries, the printable report and exports. */
export function createOversightService(db: Database, options: OversightOptions = {}) {
  const starts = options.shiftStarts ?? defaultShiftStarts;

  async function shiftRecords(at: Date): Promise<{ shift: Shift; records: IncidentRecord[] }> {
    const shift = shiftContaining(at, starts);
    const incidents = await repo.touching(db, shift.start, shift.end);
    const ids = incidents.map((i) => i.id);
    const [histories, onScene] = [await repo.histories(db, ids), await shiftRepository.onSceneTimes(db, ids)];
    return { shift, records: incidents.map((incident) => ({ incident, history: histories.get(incident.id)!, onSceneAt: onScene.get(incident.id) ?? [] })) };
  }

  async function shiftSummary(at: Date, now = new Date()): Promise<ShiftSummary> {
    const { shift, records } = await shiftRecords(at);
    return summariseShift(shift, records, now);
  }

  return {
    shiftOf: (at: Date): Shift => shiftContaining(at, starts),
    shiftRecords,
    shiftSummary,

    /**
     * Everything the printed shift report shows, with the audit chain's head at the report's cut-off
     * (the shift's end, or now for the live shift): a hash that anyone holding a later copy of the
     * chain can check, so the paper proves which records it was made from.
     */
    async report(at: Date, now = new Date()): Promise<ShiftReport> {
      const summary = await shiftSummary(at, now);
      const { shift } = summary;
      const record = await shiftRepository.handover(db, shift.start);
      const cutoff = Date.parse(shift.end) < now.getTime() ? shift.end : now.toISOString();
      return {
        summary,
        handover: viewHandover(shift, record, summary.handover.openIncidents),
        auditAnchor: await shiftRepository.auditAnchor(db, cutoff),
        generatedAt: now.toISOString(),
      };
    },

    /** UTF-8 with a BOM, so spreadsheet tools read the Arabic correctly. */
    async incidentsCsv(from: string, to: string): Promise<string> {
      return incidentsToCsv(await repo.firstSeenBetween(db, from, to, csvLimit));
    },
  };
}
export type OversightService = ReturnType<typeof createOversightService>;
