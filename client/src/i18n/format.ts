import type { Language } from '@rasd/shared';
import { localeOf } from './language';

export const timeZone = 'Africa/Cairo';

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(language: Language, withDate: boolean): Intl.DateTimeFormat {
  const key = language + (withDate ? ':d' : ':t');
  let fmt = cache.get(key);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(localeOf(language), {
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

function cairoDay(date: Date): string {
  return date.toLocaleDateString('en-CA', { timeZone });
}

/** Cairo wall-clock time; the date is added only when it is not today in Cairo. */
export function formatIncidentTime(iso: string, language: Language, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return formatter(language, cairoDay(date) !== cairoDay(now)).format(date);
}

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(localeOf(language)).format(value);
}
