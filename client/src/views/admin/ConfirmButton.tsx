import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A button that asks before it acts. The question opens with the focus on "cancel", so a stray
 * Enter does not disable an account or an endpoint.
 */
export function ConfirmButton({ label, question, onConfirm, testId }: { label: string; question: string; onConfirm: () => Promise<void>; testId: string }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="button button--small" data-testid={testId} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span>{question}</span>
      <button type="button" className="button button--small button--danger" disabled={busy} data-testid={`${testId}-confirm`} onClick={() => void confirm()}>
        {label}
      </button>
      <button type="button" className="button button--small button--quiet" autoFocus data-testid={`${testId}-cancel`} onClick={() => setAsking(false)}>
        {t('common.cancel')}
      </button>
    </span>
  );
}
