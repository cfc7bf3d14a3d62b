import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { kindLabels, severityLabels, statusLabels } from '@rasd/shared';
import { ApiError } from '../../api/http';
import { fetchIncidentDetail } from '../../api/incidents';
import { formatNumber } from '../../i18n/format';
import { labelOf } from '../../lib/commander';
import type { ParsedIncidentDetail } from '../../lib/parse';
import { useStore } from '../../store';
import { ActionList } from '../drawer/ActionList';
import { Timeline } from '../drawer/Timeline';
import { formatDateTime } from './IncidentTable';

/** Any past incident, read-only: what it was, the legal actions and its full timeline. */
export function PastIncident({ id, onBack }: { id: string; onBack: () => void }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const [detail, setDetail] = useState<ParsedIncidentDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    fetchIncidentDetail(id)
      .then((d) => !cancelled && setDetail(d))
      .catch((e: unknown) => !cancelled && setError(e instanceof ApiError ? e.code : 'generic'));
    return () => {
      cancelled = true;
    };
  }, [id]);

  const i = detail?.incident;
  const corridor = i && labelOf('corridor', i.corridorId ?? 'unknown', language);
  return (
    <section className="commander-card past-incident" data-testid="past-incident" data-incident-id={id}>
      <div className="card-head">
        <h2 className="card-title" data-testid="past-incident-title">
          {i ? `${kindLabels[i.kind][language]} · ${corridor}` : t('commander.history.detail')}
        </h2>
        <button type="button" className="button" onClick={onBack} data-testid="history-back">
          {t('commander.history.back')}
        </button>
      </div>
      {/* The id stays at hand to quote against the CSV export or the audit log. */}
      <p className="past-incident-ref">
        {t('commander.history.reference')} <bdi>{id}</bdi>
      </p>
      {error && <p className="form-error">{t(`errors.${error === 'not_found' ? 'not_found' : 'generic'}`)}</p>}
      {i && detail && (
        <>
          <dl className="facts">
            <div>
              <dt>{t('commander.columns.kind')}</dt>
              <dd>{kindLabels[i.kind][language]}</dd>
            </div>
            <div>
              <dt>{t('commander.columns.severity')}</dt>
              <dd>{severityLabels[i.severity][language]}</dd>
            </div>
            <div>
              <dt>{t('commander.columns.status')}</dt>
              <dd>{statusLabels[i.status][language]}</dd>
            </div>
            <div>
              <dt>{t('commander.columns.corridor')}</dt>
              <dd>{corridor}</dd>
            </div>
            <div>
              <dt>{t('commander.columns.plate')}</dt>
              <dd>
                <bdi>{i.plate ?? '—'}</bdi>
              </dd>
            </div>
            <div>
              <dt>{t('commander.columns.time')}</dt>
              <dd>{formatDateTime(i.firstSeenAt, language)}</dd>
            </div>
            <div>
              <dt>{t('alerts.title')}</dt>
              <dd>{formatNumber(detail.alerts.length, language)}</dd>
            </div>
          </dl>
          <h3 className="section-title">{t('actions.title')}</h3>
          <ActionList actions={i.actions} canCorrect={false} />
          <Timeline history={detail.history} />
        </>
      )}
    </section>
  );
}
