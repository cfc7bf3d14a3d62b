import { describe, expect, it } from 'vitest';
import { shiftContaining } from './shifts';

const hours = (s: { start: string; end: string }) => (Date.parse(s.end) - Date.parse(s.start)) / 3_600_000;

describe('shiftContaining (Africa/Cairo)', () => {
  it('finds the day shift in winter time (UTC+2)', () => {
    expect(shiftContaining(new Date('2026-11-27T12:00:00Z'))).toEqual({
      start: '2026-11-27T06:00:00.000Z',
      end: '2026-11-27T14:00:00.000Z',
      label: '2026-11-27 08–16',
    });
  });

  it('ends the evening shift at local midnight and starts the night shift there', () => {
    const evening = shiftContaining(new Date('2026-11-27T21:59:59Z'));
    expect(evening).toMatchObject({ start: '2026-11-27T14:00:00.000Z', end: '2026-11-27T22:00:00.000Z', label: '2026-11-27 16–24' });
    const night = shiftContaining(new Date('2026-11-27T22:00:00Z'));
    expect(night).toMatchObject({ start: '2026-11-27T22:00:00.000Z', end: '2026-11-28T06:00:00.000Z', label: '2026-11-28 00–08' });
  });

  it('uses summer time (UTC+3)', () => {
    expect(shiftContaining(new Date('2026-07-01T10:00:00Z'))).toMatchObject({ start: '2026-07-01T05:00:00.000Z', end: '2026-07-01T13:00:00.000Z' });
  });

  it('makes the night shift 7 hours long when clocks spring forward (last Friday of April)', () => {
    const s = shiftContaining(new Date('2026-04-24T02:00:00Z'));
    expect(s.label).toBe('2026-04-24 00–08');
    expect(hours(s)).toBe(7);
  });

  it('makes the evening shift 9 hours long when clocks fall back at midnight (last Thursday of October)', () => {
    const s = shiftContaining(new Date('2026-10-29T20:45:00Z'));
    expect(s.label).toBe('2026-10-29 16–24');
    expect(hours(s)).toBe(9);
    // The hour after the repeated 23:00 still belongs to it; the next shift starts at the new midnight.
    expect(shiftContaining(new Date('2026-10-29T21:30:00Z')).label).toBe('2026-10-29 16–24');
    expect(shiftContaining(new Date('2026-10-29T22:00:00Z')).label).toBe('2026-10-30 00–08');
  });

  it('accepts other shift patterns, e.g. two 12-hour shifts', () => {
    expect(shiftContaining(new Date('2026-11-27T20:00:00Z'), [7, 19]).label).toBe('2026-11-27 19–07');
  });

  it('keeps a configured night shift (19–07) on the wall clock across both daylight-saving changes', () => {
    // Clocks fall back at the end of 29 October: that night is 13 hours long.
    const autumn = shiftContaining(new Date('2026-10-29T23:00:00Z'), [7, 19]);
    expect(autumn).toMatchObject({ label: '2026-10-29 19–07', start: '2026-10-29T16:00:00.000Z', end: '2026-10-30T05:00:00.000Z' });
    expect(hours(autumn)).toBe(13);
    // Clocks spring forward at the start of 24 April: that night is 11 hours long.
    const spring = shiftContaining(new Date('2026-04-24T01:00:00Z'), [7, 19]);
    expect(spring.label).toBe('2026-04-23 19–07');
    expect(hours(spring)).toBe(11);
  });
});

