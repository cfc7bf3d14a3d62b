import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { limits, type Incident } from '@rasd/shared';
import { verifyIncident } from '../../api/incidents';
import { formatIncidentTime } from '../../i18n/format';
import { applyCommand } from '../../commands/incident-commands';
import { validateVerdict, type Verdict } from '../../lib/verify-form';
import { useStore } from '../../store';
import { errorKey } from './error-key';

/** Track 2: a citizen video is verified (authentic, recent, where) or rejected with a reason before any action. */
export function VerifyPanel({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function decide(verdict: Verdict) {
    const { request, error: invalid } = validateVerdict(verdict, reason);
    if (!request) {
      setError('verify.' + invalid);
      return;
    }
    setBusy(true);
    setError(null);
    const result = await applyCommand(() => verifyIncident(incident.id, request));
    setBusy(false);
    if (!result.ok) setError(errorKey(result.error.code));
  }

  return (
    <section className="drawer-section verify" data-testid="verify-panel" aria-labelledby="verify-title">
      <h3 id="verify-title" className="section-title">{t('verify.title')}</h3>
      <p className="field-hint">{t('verify.hint')}</p>
      <label className="field">
        <span className="field-label">{t('verify.reason')}</span>
        <textarea
          name="reason"
          rows={2}
          value={reason}
          maxLength={limits.reasonMax}
          dir="auto"
          onChange={(e) => {
            setReason(e.target.value);
            setError(null);
          }}
          aria-describedby="verify-reason-hint"
          aria-invalid={error === 'verify.reasonRequired' ? true : undefined}
        />
        <span className="field-hint" id="verify-reason-hint">{t('verify.reasonHint')}</span>
      </label>
      {error && (
        <p className="form-error" role="alert" data-testid="verify-error">
          {t(error)}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="button button--primary" data-testid="verify-accept" disabled={busy} onClick={() => void decide('verified')}>
          {t('verify.accept')}
        </button>
        <button type="button" className="button button--danger" data-testid="verify-reject" disabled={busy} onClick={() => void decide('rejected')}>
          {t('verify.reject')}
        </button>
      </div>
    </section>
  );
}

/** The verdict on a social report, once given: who, when, and why. */
export function VerificationNote({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const verification = incident.verification;
  if (!verification) return null;
  return (
    <p className={'verification verification--' + verification.verdict} data-testid="verification">
      {t('verify.done.' + verification.verdict, { name: verification.by.username, time: formatIncidentTime(verification.at, language) })}
      {verification.reason && (
        <>
          {' — '}
          <bdi>{verification.reason}</bdi>
        </>
      )}
    </p>
  );
}
