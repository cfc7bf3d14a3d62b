import { afterEach, describe, expect, it } from 'vitest';
import { formatElapsed, formatIncidentTime, formatNumber } from './format';
import { localeWithNumerals, numberingSystem, readStoredNumerals, setCurrentNumerals, storeNumerals } from './numerals';

afterEach(() => {
  setCurrentNumerals('auto');
  localStorage.clear();
});

describe('numberingSystem', () => {
  it('follows the language by default', () => {
    expect(numberingSystem('ar', 'auto')).toBe('arab');
    expect(numberingSystem('en', 'auto')).toBe('latn');
  });

  it('uses the chosen digits in either language', () => {
    expect(numberingSystem('ar', 'latn')).toBe('latn');
    expect(numberingSystem('en', 'arab')).toBe('arab');
  });

  it('spells the choice into the locale', () => {
    expect(localeWithNumerals('ar-EG', 'ar', 'latn')).toBe('ar-EG-u-nu-latn');
  });
});

describe('the stored choice', () => {
  it('is remembered and falls back to auto for anything unknown', () => {
    expect(readStoredNumerals()).toBe('auto');
    storeNumerals('latn');
    expect(readStoredNumerals()).toBe('latn');
    localStorage.setItem('rasd.numerals', 'roman');
    expect(readStoredNumerals()).toBe('auto');
  });
});

describe('formatters follow the choice', () => {
  it('writes Latin digits in Arabic when chosen', () => {
    setCurrentNumerals('latn');
    expect(formatNumber(12, 'ar')).toBe('12');
    expect(formatElapsed(65_400, 'ar')).toBe('1:05');
    expect(formatIncidentTime('2026-11-22T18:00:00Z', 'ar', new Date('2026-11-22T21:00:00Z'))).toBe('20:00:00');
  });

  it('writes Arabic-Indic digits in English when chosen', () => {
    setCurrentNumerals('arab');
    expect(formatNumber(12, 'en')).toBe('١٢');
  });
});
