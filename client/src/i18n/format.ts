import type { Language } from '@rasd/shared';
import { localeOf } from './language';
import { localeWithNumerals } from './numerals';

export const timeZone = 'Africa/Cairo';

/** The language's locale with the user's numeral choice (Arabic-Indic or Latin digits). */
export function formatLocale(language: Language): string {
  return localeWithNumerals(localeOf(language), language);
}

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(language: Language, withDate: boolean): Intl.DateTimeFormat {
  const locale = formatLocale(language);
  const key = locale + (withDate ? ':d' : ':t');
  let fmt = cache.get(key);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(locale, {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      ...(withDate ? { day: 'numeric', month: 'short' } : {}),
    });
    cache.set(key, fmt);
  }
  return fmt;
}

// Building an Intl formatter costs far more than using one; lists format thousands of values.
const cairoDayFormat = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, key: string, options?: Intl.NumberFormatOptions): Intl.NumberFormat {
  let fmt = numberFormats.get(locale + key);
  if (!fmt) numberFormats.set(locale + key, (fmt = new Intl.NumberFormat(locale, options)));
  return fmt;
}

function cairoDay(date: Date): string {
  return cairoDayFormat.format(date);
}

/** Cairo wall-clock time; the date is added only when it is not today in Cairo. */
export function formatIncidentTime(iso: string, language: Language, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return formatter(language, cairoDay(date) !== cairoDay(now)).format(date);
}

export function formatNumber(value: number, language: Language): string {
  return numberFormat(formatLocale(language), ':n').format(value);
}

/** A count as a reader takes it in at a glance ("120K", "١٢٠ ألف"): engagement figures in the social queue. */
export function formatCompact(value: number, language: Language): string {
  return numberFormat(formatLocale(language), ':c', { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

/** Elapsed time as a stopwatch reads ("4:07", "1:02:09"), in the language's digits; never negative. */
export function formatElapsed(ms: number, language: Language): string {
  const fmt = numberFormat(formatLocale(language), ':2', { minimumIntegerDigits: 2, useGrouping: false });
  // A desk clock a little behind the server's must not show "-0:02".
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const head = hours > 0 ? `${formatNumber(hours, language)}:${fmt.format(minutes)}` : formatNumber(minutes, language);
  return `${head}:${fmt.format(seconds)}`;
}

/** A 0..1 ratio as a percentage in the language's digits ("٩٣٪", "93%"). */
export function formatPercent(ratio: number, language: Language): string {
  return numberFormat(formatLocale(language), ':%', { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}
