import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { limits, passwordSchema } from '@rasd/shared';
import { formatNumber } from '../../i18n/format';
import { useStore } from '../../store';

// The figures come from what the server checks, so the words cannot drift from them.
const passwordMin = passwordSchema.minLength ?? 0;

/** Hint and error text of an admin form, with the password policy's and call signs' figures in the user's digits. */
export function useFieldText(): (key: string) => string {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  return (key) => t(key, { min: formatNumber(passwordMin, language), max: formatNumber(limits.callSignMax, language) });
}

/** A labelled input with its hint and its error inside the label, so both are read with it. */
export function Field({ label, hintKey, errorKey, name, children }: { label: string; hintKey?: string; errorKey?: string; name: string; children: ReactNode }) {
  const text = useFieldText();
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      {children}
      {hintKey && <span className="field-hint">{text(hintKey)}</span>}
      {errorKey && (
        <span className="field-error" data-testid={`field-error-${name}`}>
          {text(errorKey)}
        </span>
      )}
    </label>
  );
}
