import type { Language } from '@rasd/shared';

/** Which digits numbers, times and timers use: the language's own, or always ٠١٢ / 012. */
export const numeralChoices = ['auto', 'arab', 'latn'] as const;
export type Numerals = (typeof numeralChoices)[number];

const storageKey = 'rasd.numerals';

function isNumerals(value: unknown): value is Numerals {
  return (numeralChoices as readonly unknown[]).includes(value);
}

export function readStoredNumerals(): Numerals {
  try {
    const stored = globalThis.localStorage?.getItem(storageKey);
    return isNumerals(stored) ? stored : 'auto';
  } catch {
    // Storage can be disabled by policy; the language's digits are a safe default.
    return 'auto';
  }
}

export function storeNumerals(numerals: Numerals): void {
  try {
    globalThis.localStorage?.setItem(storageKey, numerals);
  } catch {
    // Not remembering the choice is acceptable; failing the control is not.
  }
}

/** The Intl numbering system for a language and a choice: Arabic-Indic for Arabic unless Latin was chosen. */
export function numberingSystem(language: Language, numerals: Numerals): 'arab' | 'latn' {
  if (numerals !== 'auto') return numerals;
  return language === 'ar' ? 'arab' : 'latn';
}

/**
 * The formatters read the choice from here rather than from an argument, so that every existing
 * `formatNumber(n, language)` call follows the setting without threading it through each view.
 */
let current: Numerals = readStoredNumerals();

export function currentNumerals(): Numerals {
  return current;
}

export function setCurrentNumerals(numerals: Numerals): void {
  current = numerals;
}

/** A BCP 47 locale with the numbering system spelled out, e.g. "ar-EG-u-nu-latn". */
export function localeWithNumerals(base: string, language: Language, numerals: Numerals = current): string {
  return `${base}-u-nu-${numberingSystem(language, numerals)}`;
}
