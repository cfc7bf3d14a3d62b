import { stringify } from 'csv-stringify/sync';
import { findCorridor, kindLabels, severityLabels, statusLabels, type Incident, type ShiftSummary } from '@rasd/shared';
import type { Database } from '../db/database';
import { summariseShift } from '../domain/shift-summary';
import { shiftContaining } from '../domain/shifts';
import { incidentRepository as repo } from '../repositories/incident.repository';

const csvLimit = 100_000;

// A cell a spreadsheet would run as a formula is written as text.
const safeCell = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

const csvColumns: [string, (i: Incident) => string | number | null][] = [
  ['id', (i) => i.id],
  ['first_seen_at', (i) => i.firstSeenAt],
  ['last_seen_at', (i) => i.lastSeenAt],
  ['kind', (i) => i.kind],
  ['kind_ar', (i) => kindLabels[i.kind].ar],
  ['severity', (i) => i.severity],
  ['severity_ar', (i) => severityLabels[i.severity].ar],
  ['status', (i) => i.status],
  ['status_ar', (i) => statusLabels[i.status].ar],
  ['source', (i) => i.source],
  ['corridor_id', (i) => i.corridorId],
  ['corridor_ar', (i) => (i.corridorId ? (findCorridor(i.corridorId)?.properties.name_ar ?? null) : null)],
  ['lat', (i) => i.location.lat],
  ['lon', (i) => i.location.lon],
  ['plate', (i) => i.plate],
  ['alert_count', (i) => i.alertCount],
  ['claimed_by', (i) => i.claimedBy?.username ?? null],
  ['actions', (i) => i.actions.map((a) => a.type).join(' ')],
  ['case_numbers', (i) => i.actions.flatMap((a) => (a.caseNumber ? [a.caseNumber] : [])).join(' | ')],
];

/** Commanders' views: shift summaries and exports. */
export function createOversightService(db: Database) {
  return {
    async shiftSummary(at: Date, now = new Date()): Promise<ShiftSummary> {
      const shift = shiftContaining(at);
      const incidents = await repo.touching(db, shift.start, shift.end);
      const histories = await repo.histories(db, incidents.map((i) => i.id));
      return summariseShift(shift, incidents.map((incident) => ({ incident, history: histories.get(incident.id)! })), now);
    },

    /** UTF-8 with a BOM, so spreadsheet tools read the Arabic correctly. */
    async incidentsCsv(from: string, to: string): Promise<string> {
      const incidents = await repo.firstSeenBetween(db, from, to, csvLimit);
      const rows = incidents.map((i) => csvColumns.map(([, get]) => {
        const v = get(i);
        return typeof v === 'string' ? safeCell(v) : v;
      }));
      return '\uFEFF' + stringify([csvColumns.map(([name]) => name), ...rows], { record_delimiter: '\r\n' });
    },
  };
}
export type OversightService = ReturnType<typeof createOversightService>;
