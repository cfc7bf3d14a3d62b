import { stringify } from 'csv-stringify/sync';
import { findCorridor, kindLabels, severityLabels, statusLabels, type Incident } from '@rasd/shared';

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR, or their full-width forms that
 * some spreadsheets also accept) is written as text by prefixing an apostrophe (OWASP's advice).
 */
export function safeCell(v: string): string {
  return /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(v) ? `'${v}` : v;
}

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

/** One row per incident, UTF-8 with a BOM so spreadsheet tools read the Arabic correctly. */
export function incidentsToCsv(incidents: readonly Incident[]): string {
  const rows = incidents.map((i) =>
    csvColumns.map(([, get]) => {
      const v = get(i);
      return typeof v === 'string' ? safeCell(v) : v;
    }),
  );
  return '\uFEFF' + stringify([csvColumns.map(([name]) => name), ...rows], { record_delimiter: '\r\n' });
}
