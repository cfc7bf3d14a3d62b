import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '@rasd/shared';
import ar from './ar.json';
import en from './en.json';
import { directionOf, readStoredLanguage, storeLanguage } from './language';

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { ar: { translation: ar }, en: { translation: en } },
  lng: readStoredLanguage(),
  fallbackLng: 'ar',
  // React escapes output itself; escaping twice would show entities to the user.
  interpolation: { escapeValue: false },
  initAsync: false,
  // Keeps a vendor notice with an external link out of the operators' console.
  showSupportNotice: false,
});

/** Switches translations, page direction and the remembered choice together. */
export function applyLanguage(language: Language): void {
  void i18n.changeLanguage(language);
  const root = document.documentElement;
  root.lang = language;
  root.dir = directionOf(language);
  storeLanguage(language);
}
