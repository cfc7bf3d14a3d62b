import type { Language } from '@rasd/shared';
import { formatLocale, timeZone } from './format';

const cache = new Map<string, { time: Intl.DateTimeFormat; date: Intl.DateTimeFormat }>();

function formatters(language: Language) {
  const locale = formatLocale(language);
  let pair = cache.get(locale);
  if (!pair) {
    pair = {
      time: new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }),
      date: new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long', day: 'numeric', month: 'long' }),
    };
    cache.set(locale, pair);
  }
  return pair;
}

/** The wall clock: Cairo time and date in the page's language and digits, wherever the browser thinks it is. */
export function formatCairoClock(now: Date, language: Language): { time: string; date: string } {
  const { time, date } = formatters(language);
  return { time: time.format(now), date: date.format(now) };
}
