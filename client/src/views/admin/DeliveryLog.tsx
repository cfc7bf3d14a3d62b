import { useTranslation } from 'react-i18next';
import type { Webhook, WebhookDelivery } from '@rasd/shared';
import { fetchDeliveries } from '../../api/admin';
import { formatIncidentTime, formatNumber } from '../../i18n/format';
import { useStore } from '../../store';
import { LoadStatus } from './LoadStatus';
import { useLoad } from './use-load';

const delivered = (d: WebhookDelivery) => d.error === null && d.status !== null && d.status >= 200 && d.status < 300;

/** Where the endpoint stands: disabled, failing with its next retry, or delivering. */
function EndpointState({ webhook }: { webhook: Webhook }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const failures = formatNumber(webhook.consecutiveFailures, language);
  let text: string;
  if (!webhook.active) text = t(webhook.consecutiveFailures > 0 ? 'admin.log.disabledAfter' : 'admin.log.disabled', { n: failures });
  else if (webhook.consecutiveFailures > 0 && webhook.nextAttemptAt) text = t('admin.log.retrying', { n: failures, time: formatIncidentTime(webhook.nextAttemptAt, language) });
  else text = t('admin.log.healthy');
  return (
    <p className={webhook.active && webhook.consecutiveFailures === 0 ? 'card-note' : 'card-note card-note--accent'} data-testid="delivery-state">
      {text}
    </p>
  );
}

/** The chosen endpoint's latest deliveries, newest first; refreshing also updates its state. */
export function DeliveryLog({ webhook, onRefresh }: { webhook: Webhook; onRefresh: () => void }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const log = useLoad(() => fetchDeliveries(webhook.id), webhook.id);
  const rows = log.data ?? [];
  const refresh = () => {
    log.reload();
    onRefresh();
  };
  return (
    <section className="commander-card" aria-labelledby="delivery-title" data-testid="delivery-log">
      <div className="card-head">
        <h2 id="delivery-title" className="card-title">
          {t('admin.log.title')} <span className="url dim" dir="ltr">{webhook.url}</span>
        </h2>
        <button type="button" className="button button--small" disabled={log.loading} onClick={refresh} data-testid="delivery-refresh">
          {t('admin.log.refresh')}
        </button>
      </div>
      <EndpointState webhook={webhook} />
      <LoadStatus loaded={log} count={rows.length} emptyKey="admin.log.empty" testId="delivery" />
      {rows.length > 0 && (
        <div className="table-scroll">
          <table className="data-table admin-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.log.columns.time')}</th>
                <th scope="col">{t('admin.log.columns.event')}</th>
                <th scope="col">{t('admin.log.columns.attempt')}</th>
                <th scope="col">{t('admin.log.columns.status')}</th>
                <th scope="col">{t('admin.log.columns.outcome')}</th>
                <th scope="col">{t('admin.log.columns.duration')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((d) => {
                const ok = delivered(d);
                return (
                  <tr key={d.id} data-testid="delivery-row" data-outcome={ok ? 'ok' : 'failed'} data-status={d.status ?? ''}>
                    <td className="num">{formatIncidentTime(d.at, language)}</td>
                    <td>{t(`admin.events.${d.event}`, { defaultValue: d.event })}</td>
                    <td className="num">{formatNumber(d.attempt, language)}</td>
                    {/* HTTP status codes stay in Latin digits: they are looked up as written. */}
                    <td className="num" dir="ltr">
                      {d.status ?? '—'}
                    </td>
                    <td>
                      <span className={ok ? 'outcome outcome--ok' : 'outcome outcome--failed'}>{t(ok ? 'admin.log.ok' : 'admin.log.failed')}</span>
                      {d.error && (
                        <span className="outcome-error" dir="ltr">
                          {d.error}
                        </span>
                      )}
                    </td>
                    <td className="num">{t('admin.log.ms', { n: formatNumber(d.durationMs, language) })}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
