import { useTranslation } from 'react-i18next';
import { i18n } from '../i18n';
import { numeralChoices, type Numerals } from '../i18n/numerals';
import { useStore } from '../store';

/** Re-announces the language so every translated view re-renders with the new digits. */
export function chooseNumerals(numerals: Numerals): void {
  useStore.getState().setNumerals(numerals);
  void i18n.changeLanguage(i18n.language);
}

/** The digits setting (Arabic-Indic ٠١٢ or Latin 012), remembered on this browser. */
export function SettingsMenu() {
  const { t } = useTranslation();
  const numerals = useStore((s) => s.numerals);
  return (
    <label className="setting">
      <span className="setting-label">{t('settings.numerals')}</span>
      <select data-testid="numerals-setting" value={numerals} onChange={(e) => chooseNumerals(e.target.value as Numerals)}>
        {numeralChoices.map((choice) => (
          <option key={choice} value={choice}>
            {t('settings.numeralChoice.' + choice)}
          </option>
        ))}
      </select>
    </label>
  );
}
