import { useTranslation } from 'react-i18next';
import { kindLabels, legalActionLabels, severityLabels, statusLabels, type Incident, type Language } from '@rasd/shared';
import { formatLocale } from '../../i18n/format';
import { labelOf } from '../../lib/commander';
import { useStore } from '../../store';

type Row = Pick<Incident, 'id' | 'kind' | 'severity' | 'status' | 'corridorId' | 'claimedBy' | 'firstSeenAt' | 'plate'> & { actions?: Incident['actions'] };

export function formatDateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(formatLocale(language), {
    timeZone: 'Africa/Cairo',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

/** Incidents as a table: the handover list, the history results and the printed report share it. */
export function IncidentTable({ rows, onOpen, testId, showActions }: { rows: readonly Row[]; onOpen?: (id: string) => void; testId: string; showActions?: boolean }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  return (
    <table className="data-table incident-table" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{t('commander.columns.time')}</th>
          <th scope="col">{t('commander.columns.kind')}</th>
          <th scope="col">{t('commander.columns.severity')}</th>
          <th scope="col">{t('commander.columns.status')}</th>
          <th scope="col">{t('commander.columns.corridor')}</th>
          <th scope="col">{t('commander.columns.plate')}</th>
          <th scope="col">{t('commander.columns.claim')}</th>
          {showActions && <th scope="col">{t('commander.columns.actions')}</th>}
          {onOpen && <th scope="col" className="sr-only">{t('commander.history.open')}</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} data-testid={`${testId}-row`} data-incident-id={r.id} className={`severity-row severity-row--${r.severity}`}>
            <td className="num">
              <time dateTime={r.firstSeenAt}>{formatDateTime(r.firstSeenAt, language)}</time>
            </td>
            <td>{kindLabels[r.kind][language]}</td>
            <td>
              <span className={`badge badge--${r.severity}`}>{severityLabels[r.severity][language]}</span>
            </td>
            <td>{statusLabels[r.status][language]}</td>
            <td>{labelOf('corridor', r.corridorId ?? 'unknown', language)}</td>
            <td>
              <bdi className="plate">{r.plate ?? '—'}</bdi>
            </td>
            <td>{r.claimedBy ? <bdi>{r.claimedBy.username}</bdi> : <span className="dim">{t('commander.handover.unclaimed')}</span>}</td>
            {showActions && <td>{r.actions?.length ? r.actions.map((a) => legalActionLabels[a.type][language]).join('، ') : '—'}</td>}
            {onOpen && (
              <td>
                <button type="button" className="button button--small" onClick={() => onOpen(r.id)} data-testid="history-open">
                  {t('commander.history.open')}
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
