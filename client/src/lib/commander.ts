import {
  corridorIds,
  findCorridor,
  incidentStatuses,
  alertKinds,
  kindLabels,
  legalActionLabels,
  legalActionTypes,
  normalisePlate,
  sourceLabels,
  statusLabels,
  type Language,
  type ShiftRef,
} from '@rasd/shared';

/** An instant inside the shift before this one (its last millisecond). */
export function previousShiftAt(shift: ShiftRef): string {
  return new Date(Date.parse(shift.start) - 1).toISOString();
}

/** An instant inside the shift after this one (its first millisecond). */
export function nextShiftAt(shift: ShiftRef): string {
  return shift.end;
}

/** The current shift is live: its numbers change as incidents come in. */
export function isLiveShift(shift: ShiftRef, now: Date = new Date()): boolean {
  return Date.parse(shift.start) <= now.getTime() && now.getTime() < Date.parse(shift.end);
}

export interface ChartDatum {
  key: string;
  label: string;
  value: number;
}

export type Dimension = 'kind' | 'source' | 'status' | 'corridor' | 'action' | 'track';

const trackLabels: Record<string, Record<Language, string>> = {
  camera: { ar: 'ضبط فوري (كاميرا رسمية)', en: 'Official camera' },
  social: { ar: 'فيديو مواطن (بعد التحقق)', en: 'Citizen video' },
};

/** The display name of one key of a summary's tally, in the page's language. */
export function labelOf(dimension: Dimension, key: string, language: Language): string {
  const pick = (labels: Record<string, Record<Language, string>>) => labels[key]?.[language] ?? key;
  switch (dimension) {
    case 'kind':
      return pick(kindLabels);
    case 'source':
      return pick(sourceLabels);
    case 'status':
      return pick(statusLabels);
    case 'action':
      return pick(legalActionLabels);
    case 'track':
      return pick(trackLabels);
    case 'corridor': {
      if (key === 'unknown') return language === 'ar' ? 'خارج المحاور' : 'Off corridor';
      const c = findCorridor(key);
      return c ? (language === 'ar' ? c.properties.name_ar : c.properties.name_en) : key;
    }
  }
}

/** A tally as chart data, largest first (ties by label), at most `max` bars. */
export function rankTally(tally: Record<string, number>, dimension: Dimension, language: Language, max = Infinity): ChartDatum[] {
  return Object.entries(tally)
    .filter(([, v]) => v > 0)
    .map(([key, value]) => ({ key, label: labelOf(dimension, key, language), value }))
    .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label, language))
    .slice(0, max);
}

const cairoHour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Africa/Cairo', hour: '2-digit', hourCycle: 'h23' });

/** Every local hour of the shift in order (zeros included), so a quiet hour shows as a gap. */
export function hourSeries(shift: ShiftRef, byHour: Record<string, number>, label: (hour: string) => string = (h) => `${h}:00`): ChartDatum[] {
  const out: ChartDatum[] = [];
  const seen = new Set<string>();
  for (let t = Date.parse(shift.start); t < Date.parse(shift.end); t += 3_600_000) {
    // Across a daylight-saving change the wall clock repeats an hour: list it once (the tally is per wall-clock hour).
    const key = cairoHour.format(new Date(t)).padStart(2, '0');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ key, label: label(key), value: byHour[key] ?? 0 });
  }
  for (const [key, value] of Object.entries(byHour)) if (!seen.has(key)) out.push({ key, label: label(key), value });
  return out;
}

export interface HistoryFilters {
  plate: string;
  corridorId: string;
  kind: string;
  status: string;
  officer: string;
  /** yyyy-mm-dd, Cairo days. */
  fromDay: string;
  toDay: string;
}

export const emptyHistoryFilters: HistoryFilters = { plate: '', corridorId: '', kind: '', status: '', officer: '', fromDay: '', toDay: '' };

/** Cairo midnight of a yyyy-mm-dd day as an ISO instant (Cairo is UTC+2 or +3; the offset is looked up). */
export function cairoMidnight(day: string): string {
  const utcNoon = new Date(`${day}T12:00:00Z`);
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Africa/Cairo', hour: '2-digit', hourCycle: 'h23' }).format(utcNoon);
  const offsetHours = Number(parts) - 12;
  return new Date(Date.parse(`${day}T00:00:00Z`) - offsetHours * 3_600_000).toISOString();
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The form's problems before asking the server (which checks again). */
export function historyFilterErrors(f: HistoryFilters): Partial<Record<keyof HistoryFilters, 'plate' | 'range'>> {
  const errors: Partial<Record<keyof HistoryFilters, 'plate' | 'range'>> = {};
  if (f.plate.trim() && normalisePlate(f.plate) === null) errors.plate = 'plate';
  if (f.fromDay && f.toDay && f.fromDay > f.toDay) errors.toDay = 'range';
  return errors;
}

/** The query string of the history search; `toDay` is inclusive (up to the next Cairo midnight). */
export function historySearchParams(f: HistoryFilters, page: { limit: number; offset: number }): URLSearchParams {
  const p = new URLSearchParams();
  if (f.plate.trim()) p.set('plate', f.plate.trim());
  if (f.corridorId) p.set('corridorId', f.corridorId);
  if (f.kind) p.set('kind', f.kind);
  if (f.status) p.set('status', f.status);
  if (f.officer.trim()) p.set('officer', f.officer.trim());
  if (f.fromDay) p.set('from', cairoMidnight(f.fromDay));
  if (f.toDay) p.set('to', cairoMidnight(nextDay(f.toDay)));
  p.set('limit', String(page.limit));
  p.set('offset', String(page.offset));
  return p;
}

/** Choices of the history form's selects. */
export const historyChoices = { corridors: corridorIds, kinds: alertKinds, statuses: incidentStatuses, actions: legalActionTypes };

/** "08:00" in the language's digits (Arabic: "٠٨:٠٠"). */
export function hourLabel(hour: string, locale: string): string {
  const n = new Intl.NumberFormat(locale, { minimumIntegerDigits: 2, useGrouping: false });
  return `${n.format(Number(hour))}:${n.format(0)}`;
}
