import { describe, expect, it } from 'vitest';
import {
  cairoMidnight,
  emptyHistoryFilters,
  historyFilterErrors,
  historySearchParams,
  hourLabel,
  hourSeries,
  isLiveShift,
  labelOf,
  nextShiftAt,
  previousShiftAt,
  rankTally,
} from './commander';

const day = { start: '2026-11-27T06:00:00.000Z', end: '2026-11-27T14:00:00.000Z', label: '2026-11-27 08–16' };

describe('shift navigation', () => {
  it('steps to instants inside the neighbouring shifts and knows the live one', () => {
    expect(previousShiftAt(day)).toBe('2026-11-27T05:59:59.999Z');
    expect(nextShiftAt(day)).toBe('2026-11-27T14:00:00.000Z');
    expect(isLiveShift(day, new Date('2026-11-27T13:59:59Z'))).toBe(true);
    expect(isLiveShift(day, new Date('2026-11-27T14:00:00Z'))).toBe(false);
  });
});

describe('chart data', () => {
  it('ranks a tally with localised labels, largest first', () => {
    expect(rankTally({ ring_road: 2, autostrad: 5, unknown: 1 }, 'corridor', 'ar', 2)).toEqual([
      { key: 'autostrad', label: expect.stringContaining('الأوتوستراد'), value: 5 },
      { key: 'ring_road', label: 'الطريق الدائري', value: 2 },
    ]);
    expect(labelOf('kind', 'wrong_way', 'en')).toBe('Wrong-way');
    expect(labelOf('corridor', 'unknown', 'en')).toBe('Off corridor');
    expect(labelOf('action', 'nope', 'en')).toBe('nope');
  });

  it('lists every hour of the shift, the midnight shift and a 9-hour DST evening', () => {
    expect(hourSeries(day, { '09': 3 }).map((d) => `${d.key}=${d.value}`)).toEqual(['08=0', '09=3', '10=0', '11=0', '12=0', '13=0', '14=0', '15=0']);
    const night = { start: '2026-11-27T22:00:00.000Z', end: '2026-11-28T06:00:00.000Z', label: '2026-11-28 00–08' };
    expect(hourSeries(night, {}).map((d) => d.key)).toEqual(['00', '01', '02', '03', '04', '05', '06', '07']);
    const autumn = { start: '2026-10-29T13:00:00.000Z', end: '2026-10-29T22:00:00.000Z', label: '2026-10-29 16–24' };
    expect(hourSeries(autumn, { '23': 2 }).map((d) => d.key)).toEqual(['16', '17', '18', '19', '20', '21', '22', '23']);
  });

  it('labels hours in the language\'s digits', () => {
    expect(hourLabel('08', 'ar-EG')).toBe('٠٨:٠٠');
    expect(hourLabel('8', 'en-GB')).toBe('08:00');
    expect(hourSeries(day, {}, (h) => hourLabel(h, 'ar-EG'))[0]!.label).toBe('٠٨:٠٠');
  });
});

describe('history form', () => {
  it('turns Cairo days into an inclusive range, in winter and summer time', () => {
    expect(cairoMidnight('2026-11-27')).toBe('2026-11-26T22:00:00.000Z');
    expect(cairoMidnight('2026-07-01')).toBe('2026-06-30T21:00:00.000Z');
    const p = historySearchParams({ ...emptyHistoryFilters, plate: ' قصب1234 ', kind: 'wrong_way', fromDay: '2026-11-01', toDay: '2026-11-27' }, { limit: 25, offset: 50 });
    expect(Object.fromEntries(p)).toEqual({
      plate: 'قصب1234',
      kind: 'wrong_way',
      from: '2026-10-31T22:00:00.000Z',
      to: '2026-11-27T22:00:00.000Z',
      limit: '25',
      offset: '50',
    });
  });

  it('flags a plate that is not one and a reversed range', () => {
    expect(historyFilterErrors({ ...emptyHistoryFilters, plate: 'hello', fromDay: '2026-11-02', toDay: '2026-11-01' })).toEqual({ plate: 'plate', toDay: 'range' });
    expect(historyFilterErrors({ ...emptyHistoryFilters, plate: 'ق ص ب 1' })).toEqual({});
  });
});
