import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { limits, type Handover } from '@rasd/shared';
import { changeHandover, fetchHandover, saveHandoverNotes } from '../../api/commander';
import { formatNumber } from '../../i18n/format';
import { useStore } from '../../store';
import { IncidentTable, formatDateTime } from './IncidentTable';
import { commanderErrorKey as errorKey } from './error-key';
import { useShiftData } from './use-shift';

/** Open incidents and claims passing on, the commander's notes, submission and acknowledgement. */
export function HandoverPanel({ at }: { at: string | null }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const user = useStore((s) => s.user);
  const loaded = useShiftData(at, fetchHandover);
  const [handover, setHandover] = useState<Handover | null>(null);
  const [notes, setNotes] = useState('');
  const [dirty, setDirty] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; key: string } | null>(null);

  useEffect(() => {
    if (!loaded.data) return;
    setHandover(loaded.data);
    // Live refreshes update the list but never overwrite notes being typed.
    if (!dirty) setNotes(loaded.data.notes);
  }, [loaded.data]);

  if (!handover) return <p className="panel-message">{loaded.error ? t('commander.loadFailed') : t('commander.loading')}</p>;

  const commander = user?.role === 'commander';
  const started = Date.parse(handover.shift.start) <= Date.now();
  const editable = commander && handover.status === 'draft' && started;
  const shiftAt = handover.shift.start;
  const run = async (fn: () => Promise<Handover>, ok: string | null) => {
    setBusy(true);
    setMessage(null);
    try {
      const next = await fn();
      setHandover(next);
      setNotes(next.notes);
      setDirty(false);
      if (ok) setMessage({ kind: 'ok', key: ok });
    } catch (e) {
      setMessage({ kind: 'error', key: errorKey(e) });
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };
  const stamp = (key: string, who: { username: string } | null, when: string | null) =>
    who && when ? <p className="handover-stamp">{t(key, { name: who.username, time: formatDateTime(when, language) })}</p> : null;

  return (
    <div className="handover-panel" data-testid="handover-panel" data-status={handover.status}>
      <section className="commander-card">
        <div className="card-head">
          <h2 className="card-title">{t('commander.handover.title')}</h2>
          <span className={`status-pill status-pill--${handover.status}`} data-testid="handover-status">
            {t(`commander.handover.status.${handover.status}`)}
          </span>
        </div>
        {stamp('commander.handover.submittedBy', handover.submittedBy, handover.submittedAt)}
        {stamp('commander.handover.acknowledgedBy', handover.acknowledgedBy, handover.acknowledgedAt)}
        {handover.status === 'submitted' && <p className="card-note">{t('commander.handover.awaiting')}</p>}

        <label className="field">
          <span className="field-label">{t('commander.handover.notes')}</span>
          <textarea
            name="handover-notes"
            data-testid="handover-notes"
            dir="auto"
            rows={5}
            maxLength={limits.handoverNotesMax}
            placeholder={t('commander.handover.notesHint')}
            value={notes}
            readOnly={!editable}
            onChange={(e) => {
              setNotes(e.target.value);
              setDirty(true);
            }}
          />
        </label>
        {stamp('commander.handover.notesBy', handover.notesBy, handover.notesAt)}
        {!commander && <p className="card-note">{t('commander.handover.readOnly')}</p>}
        <div className="button-row">
          {editable && (
            <button type="button" className="button" disabled={busy || !dirty} onClick={() => void run(() => saveHandoverNotes(shiftAt, notes), 'commander.handover.saved')} data-testid="handover-save">
              {t('commander.handover.save')}
            </button>
          )}
          {editable && !confirming && (
            <button type="button" className="button button--primary" disabled={busy} onClick={() => setConfirming(true)} data-testid="handover-submit">
              {t('commander.handover.submit')}
            </button>
          )}
          {editable && confirming && (
            <span className="confirm" role="group">
              <span>{t('commander.handover.submitConfirm')}</span>
              <button
                type="button"
                className="button button--primary"
                disabled={busy}
                data-testid="handover-submit-confirm"
                onClick={() =>
                  void run(async () => {
                    // Unsaved notes go with the submission rather than being lost.
                    if (dirty) await saveHandoverNotes(shiftAt, notes);
                    return changeHandover(shiftAt, 'submit');
                  }, null)
                }
              >
                {t('commander.handover.submit')}
              </button>
              <button type="button" className="button button--quiet" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </button>
            </span>
          )}
          {commander && handover.status === 'submitted' && handover.submittedBy?.userId !== user?.id && (
            <button type="button" className="button button--primary" disabled={busy} onClick={() => void run(() => changeHandover(shiftAt, 'acknowledge'), null)} data-testid="handover-acknowledge">
              {t('commander.handover.acknowledge')}
            </button>
          )}
          {commander && handover.status === 'submitted' && handover.submittedBy?.userId === user?.id && <p className="card-note">{t('commander.handover.ownSubmission')}</p>}
        </div>
        {message && (
          <p className={message.kind === 'ok' ? 'form-ok' : 'form-error'} role={message.kind === 'ok' ? 'status' : 'alert'} data-testid="handover-message">
            {t(message.key)}
          </p>
        )}
      </section>
      <section className="commander-card">
        <h2 className="card-title">
          {t('commander.handover.open')} <span className="panel-count">{formatNumber(handover.openIncidents.length, language)}</span>
        </h2>
        {handover.openIncidents.length === 0 ? <p className="card-note">{t('commander.handover.none')}</p> : <IncidentTable rows={handover.openIncidents} testId="handover-incidents" />}
      </section>
    </div>
  );
}
