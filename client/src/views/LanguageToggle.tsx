import { useTranslation } from 'react-i18next';
import { useStore } from '../store';

export function LanguageToggle() {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const setLanguage = useStore((s) => s.setLanguage);
  const next = language === 'ar' ? 'en' : 'ar';
  return (
    <button
      type="button"
      className="button button--quiet"
      data-testid="language-toggle"
      lang={next}
      aria-label={t('header.languageToggleLabel')}
      onClick={() => setLanguage(next)}
    >
      {t('header.languageToggle')}
    </button>
  );
}
