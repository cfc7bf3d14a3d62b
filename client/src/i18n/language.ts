import { languages, type Label, type Language } from '@rasd/shared';

const storageKey = 'rasd.language';

function isLanguage(value: unknown): value is Language {
  return (languages as readonly unknown[]).includes(value);
}

/** The remembered language; Arabic unless the user chose otherwise on this browser. */
export function readStoredLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(storageKey);
    return isLanguage(stored) ? stored : 'ar';
  } catch {
    // Storage can throw when disabled by policy; the default is still usable.
    return 'ar';
  }
}

export function storeLanguage(language: Language): void {
  try {
    globalThis.localStorage?.setItem(storageKey, language);
  } catch {
    // Not remembering the choice is acceptable; failing the toggle is not.
  }
}

export function directionOf(language: Language): 'rtl' | 'ltr' {
  return language === 'ar' ? 'rtl' : 'ltr';
}

/** Intl locale: Egyptian Arabic gives Arabic-Indic digits and local month names. */
export function localeOf(language: Language): string {
  return language === 'ar' ? 'ar-EG' : 'en-GB';
}

export function label(labels: Label, language: Language): string {
  return labels[language];
}
