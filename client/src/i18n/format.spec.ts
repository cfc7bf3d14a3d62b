import { describe, expect, it } from 'vitest';
import { formatCompact, formatElapsed, formatIncidentTime, formatNumber } from './format';

describe('formatIncidentTime', () => {
  const now = new Date('2026-11-22T21:00:00Z');

  it('shows Cairo wall-clock time, not UTC', () => {
    expect(formatIncidentTime('2026-11-22T18:00:00Z', 'en', now)).toBe('20:00:00');
  });

  it('uses Arabic-Indic digits in Arabic', () => {
    expect(formatIncidentTime('2026-11-22T18:00:00Z', 'ar', now)).toBe('٢٠:٠٠:٠٠');
  });

  it('adds the date when it is not today in Cairo', () => {
    // 23:30 UTC on the 21st is already the 22nd in Cairo, so it counts as today.
    expect(formatIncidentTime('2026-11-21T23:30:00Z', 'en', now)).toBe('01:30:00');
    expect(formatIncidentTime('2026-11-20T18:00:00Z', 'en', now)).toContain('20 Nov');
  });

  it('shows a dash for an unreadable date', () => {
    expect(formatIncidentTime('yesterday', 'en', now)).toBe('—');
  });
});

describe('formatNumber', () => {
  it('localises digits', () => {
    expect(formatNumber(12, 'ar')).toBe('١٢');
    expect(formatNumber(12, 'en')).toBe('12');
  });
});

describe('formatElapsed', () => {
  it('reads like a stopwatch, with hours only when needed', () => {
    expect(formatElapsed(247_000, 'en')).toBe('4:07');
    expect(formatElapsed(3_729_000, 'en')).toBe('1:02:09');
  });

  it('uses Arabic-Indic digits in Arabic and never goes negative', () => {
    expect(formatElapsed(65_400, 'ar')).toBe('١:٠٥');
    expect(formatElapsed(-2_000, 'en')).toBe('0:00');
  });
});

describe('formatCompact', () => {
  it('shortens large counts in the language', () => {
    expect(formatCompact(120_000, 'en')).toMatch(/^120k$/i);
    expect(formatCompact(1_250_000, 'en')).toMatch(/^1\.3m$/i);
    expect(formatCompact(900, 'en')).toBe('900');
    expect(formatCompact(120_000, 'ar')).toContain('١٢٠');
  });
});
