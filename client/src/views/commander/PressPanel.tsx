import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { limits, type PressSummary } from '@rasd/shared';
import { approvePress, fetchPress, pressExportUrl, savePress } from '../../api/commander';
import { useStore } from '../../store';
import { commanderErrorKey } from './error-key';
import { formatDateTime } from './IncidentTable';
import { useShiftData } from './use-shift';

type Lang = 'both' | 'ar' | 'en';

/**
 * The shift's public statement: a proposed bilingual text the commander edits (adding only what
 * they choose), saves and approves; only then does the server let it be exported.
 */
export function PressPanel({ at }: { at: string | null }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  // A stored statement must not change under the commander's hands: no live reloads here.
  const loaded = useShiftData(at, fetchPress, { live: false });
  const [press, setPress] = useState<PressSummary | null>(null);
  const [text, setText] = useState({ ar: '', en: '' });
  const [lang, setLang] = useState<Lang>('both');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!loaded.data) return;
    setPress(loaded.data);
    setText({ ar: loaded.data.ar, en: loaded.data.en });
  }, [loaded.data]);

  if (!press) return <p className="panel-message">{loaded.error ? t(loaded.error === 'forbidden' ? 'commander.press.commanderOnly' : 'commander.loadFailed') : t('commander.loading')}</p>;

  const dirty = press.generated || text.ar !== press.ar || text.en !== press.en;
  const shiftAt = press.shift.start;
  const run = async (fn: () => Promise<PressSummary>) => {
    setBusy(true);
    setError(null);
    try {
      const next = await fn();
      setPress(next);
      setText({ ar: next.ar, en: next.en });
    } catch (e) {
      setError(commanderErrorKey(e));
    } finally {
      setBusy(false);
    }
  };
  const exportable = press.status === 'approved' && !dirty;
  const field = (key: 'ar' | 'en') => (
    <label className="field press-field">
      <span className="field-label">{t(`commander.press.${key}`)}</span>
      <textarea
        name={`press-${key}`}
        data-testid={`press-${key}`}
        lang={key}
        dir={key === 'ar' ? 'rtl' : 'ltr'}
        rows={10}
        maxLength={limits.pressTextMax}
        value={text[key]}
        onChange={(e) => setText((x) => ({ ...x, [key]: e.target.value }))}
      />
    </label>
  );

  return (
    <div className="press-panel commander-card" data-testid="press-panel" data-status={press.status} data-generated={press.generated}>
      <div className="card-head">
        <h2 className="card-title">{t('commander.press.title')}</h2>
        <span className={`status-pill status-pill--${press.status}`} data-testid="press-status">
          {t(`commander.press.status.${press.status}`)}
        </span>
      </div>
      <p className="card-note">{t('commander.press.hint')}</p>
      {press.generated && <p className="card-note card-note--accent">{t('commander.press.generated')}</p>}
      {press.approvedBy && press.approvedAt && <p className="handover-stamp">{t('commander.press.approvedBy', { name: press.approvedBy.username, time: formatDateTime(press.approvedAt, language) })}</p>}
      {!press.approvedBy && press.updatedBy && press.updatedAt && <p className="handover-stamp">{t('commander.press.savedBy', { name: press.updatedBy.username, time: formatDateTime(press.updatedAt, language) })}</p>}
      <div className="press-texts">
        {field('ar')}
        {field('en')}
      </div>
      <div className="button-row">
        <button type="button" className="button" disabled={busy || !dirty || !text.ar.trim() || !text.en.trim()} onClick={() => void run(() => savePress(shiftAt, text))} data-testid="press-save">
          {t('commander.press.save')}
        </button>
        <button type="button" className="button button--primary" disabled={busy || dirty || press.status === 'approved'} onClick={() => void run(() => approvePress(shiftAt))} data-testid="press-approve">
          {t('commander.press.approve')}
        </button>
        <select value={lang} onChange={(e) => setLang(e.target.value as Lang)} aria-label={t('commander.press.export')} data-testid="press-lang">
          {(['both', 'ar', 'en'] as const).map((l) => (
            <option key={l} value={l}>
              {t(`commander.press.exportLang.${l}`)}
            </option>
          ))}
        </select>
        {exportable ? (
          <a className="button" href={pressExportUrl(shiftAt, lang)} download data-testid="press-export">
            {t('commander.press.export')}
          </a>
        ) : (
          <button type="button" className="button" disabled data-testid="press-export-disabled" title={t('commander.press.mustApprove')}>
            {t('commander.press.export')}
          </button>
        )}
      </div>
      {dirty && !press.generated && <p className="card-note">{t('commander.press.unsaved')}</p>}
      {!exportable && <p className="card-note">{t('commander.press.mustApprove')}</p>}
      {error && (
        <p className="form-error" role="alert" data-testid="press-error">
          {t(error)}
        </p>
      )}
    </div>
  );
}
