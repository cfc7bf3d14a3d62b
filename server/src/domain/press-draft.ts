import { DateTime } from 'luxon';
import {
  findCorridor,
  kindLabels,
  legalActionLabels,
  legalActionTypes,
  type AlertKind,
  type Language,
  type ShiftSummary,
} from '@rasd/shared';
import type { IncidentRecord } from './shift-summary';
import { operationsZone, type Shift } from './shifts';

/** An arrest worth naming in public: what and where, never who (no plate, name or case number). */
export interface NotableArrest {
  kind: AlertKind;
  corridorId: string | null;
  at: string;
}

const maxNotable = 5;
/** The most dangerous behaviour first: these are what the public statement leads with. */
const kindWeight: Record<AlertKind, number> = { wrong_way: 0, racing: 1, reckless: 2, speeding: 3, stopped_vehicle: 4, other: 5 };

/** Arrests recorded during the shift (not later corrected away), most dangerous kinds first. */
export function notableArrests(shift: Shift, records: readonly IncidentRecord[]): NotableArrest[] {
  const start = Date.parse(shift.start);
  const end = Date.parse(shift.end);
  const out: NotableArrest[] = [];
  for (const { incident } of records) {
    const corrected = new Set(incident.actions.flatMap((a) => (a.corrects ? [a.corrects] : [])));
    const arrest = incident.actions.find((a) => a.type === 'arrest' && !corrected.has(a.id) && Date.parse(a.at) >= start && Date.parse(a.at) < end);
    if (arrest) out.push({ kind: incident.kind, corridorId: incident.corridorId, at: arrest.at });
  }
  return out.sort((a, b) => kindWeight[a.kind] - kindWeight[b.kind] || a.at.localeCompare(b.at)).slice(0, maxNotable);
}

const locale: Record<Language, string> = { ar: 'ar-EG', en: 'en-GB' };
const num = (n: number, lang: Language) => new Intl.NumberFormat(locale[lang]).format(n);
const time = (iso: string, lang: Language) =>
  DateTime.fromISO(iso, { zone: operationsZone }).setLocale(locale[lang]).toLocaleString({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const day = (iso: string, lang: Language) =>
  DateTime.fromISO(iso, { zone: operationsZone }).setLocale(locale[lang]).toLocaleString({ day: 'numeric', month: 'long', year: 'numeric' });
const corridorName = (id: string | null, lang: Language) => {
  const c = id ? findCorridor(id) : undefined;
  return c ? (lang === 'ar' ? c.properties.name_ar : c.properties.name_en) : null;
};

/** Arabic counted nouns agree with the number: one, two (dual), 3–10 (plural), 11 and more (singular). */
function arCount(n: number, forms: { one: string; two: string; few: string; many: string }): string {
  if (n === 1) return forms.one;
  if (n === 2) return forms.two;
  const noun = n % 100 >= 3 && n % 100 <= 10 ? forms.few : forms.many;
  return `${num(n, 'ar')} ${noun}`;
}
const arIncidents = (n: number) => arCount(n, { one: 'واقعة واحدة', two: 'واقعتين', few: 'وقائع', many: 'واقعة' });
const arActions = (n: number) => arCount(n, { one: 'إجراء قانوني واحد', two: 'إجراءان قانونيان', few: 'إجراءات قانونية', many: 'إجراءً قانونيًا' });

function list(parts: string[], lang: Language): string {
  if (parts.length <= 1) return parts.join('');
  return lang === 'ar' ? parts.join('، و') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

function byCount(record: Record<string, number>): [string, number][] {
  return Object.entries(record).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function draft(summary: ShiftSummary, arrests: readonly NotableArrest[], lang: Language): string {
  const ar = lang === 'ar';
  const { shift, counts, actions } = summary;
  const from = time(shift.start, lang);
  const to = time(shift.end, lang);
  const kinds = byCount(counts.byKind).map(([k, n]) => `${kindLabels[k as AlertKind]?.[lang] ?? k} (${num(n, lang)})`);
  const taken = byCount(actions.byType).filter(([t]) => t !== 'no_action' && (legalActionTypes as readonly string[]).includes(t));
  const actionTotal = taken.reduce((n, [, c]) => n + c, 0);
  const actionParts = taken.map(([t, n]) => `${legalActionLabels[t as keyof typeof legalActionLabels][lang]}: ${num(n, lang)}`);
  const lines: string[] = [];
  if (ar) {
    lines.push(`بيان الإدارة العامة للمرور — نوبة ${day(shift.start, lang)} من ${from} إلى ${to}`);
    lines.push(
      counts.total === 0
        ? 'لم تُرصد خلال النوبة وقائع مرورية على المحاور الرئيسية.'
        : `رصدت غرفة عمليات المرور خلال النوبة ${arIncidents(counts.total)} على المحاور الرئيسية بالقاهرة الكبرى عبر الكاميرات وبلاغات المواطنين: ${list(kinds, lang)}.`,
    );
    lines.push(actionTotal === 0 ? 'لم تُتخذ إجراءات قانونية خلال النوبة.' : `واتُّخذ ${arActions(actionTotal)}: ${actionParts.join('، ')}.`);
    if (arrests.length) {
      lines.push('ومن أبرز الضبطيات:');
      for (const a of arrests) {
        const where = corridorName(a.corridorId, lang);
        lines.push(`- ضبط قائد مركبة (${kindLabels[a.kind].ar})${where ? ` على ${where}` : ''} الساعة ${time(a.at, lang)}.`);
      }
    }
    lines.push('وتهيب الإدارة بقائدي المركبات الالتزام بقواعد المرور حفاظًا على أرواحهم وأرواح المواطنين.');
  } else {
    lines.push(`General Traffic Directorate statement — shift of ${day(shift.start, lang)}, ${from} to ${to}`);
    lines.push(
      counts.total === 0
        ? 'No traffic incidents were recorded on the main corridors during the shift.'
        : `The traffic operations room recorded ${num(counts.total, lang)} ${counts.total === 1 ? 'incident' : 'incidents'} on Greater Cairo's main corridors from cameras and citizens' reports: ${list(kinds, lang)}.`,
    );
    lines.push(
      actionTotal === 0
        ? 'No legal actions were taken during the shift.'
        : `${num(actionTotal, lang)} ${actionTotal === 1 ? 'legal action was' : 'legal actions were'} taken: ${actionParts.join(', ')}.`,
    );
    if (arrests.length) {
      lines.push('Notable arrests:');
      for (const a of arrests) {
        const where = corridorName(a.corridorId, lang);
        lines.push(`- A driver was arrested for ${kindLabels[a.kind].en.toLowerCase()}${where ? ` on ${where}` : ''} at ${time(a.at, lang)}.`);
      }
    }
    lines.push('The Directorate urges all drivers to obey traffic rules for their own safety and that of others.');
  }
  return lines.join('\n');
}

/** The proposed bilingual statement: counts and notable arrests only; the commander edits it before approval. */
export function draftPressStatement(summary: ShiftSummary, arrests: readonly NotableArrest[]): { ar: string; en: string } {
  return { ar: draft(summary, arrests, 'ar'), en: draft(summary, arrests, 'en') };
}
