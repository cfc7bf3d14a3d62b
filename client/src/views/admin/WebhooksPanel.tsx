import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Webhook } from '@rasd/shared';
import { fetchWebhooks, setWebhookActive } from '../../api/admin';
import { formatNumber } from '../../i18n/format';
import { adminErrorKey } from '../../lib/admin-forms';
import { useStore } from '../../store';
import { DeliveryLog } from './DeliveryLog';
import { LoadStatus } from './LoadStatus';
import { Notice, type NoticeText } from './Notice';
import { RegisterWebhookForm } from './RegisterWebhookForm';
import { SecretNotice } from './SecretNotice';
import { WebhookRow } from './WebhookRow';
import { useLoad } from './use-load';

/** Signed webhooks (commanders and admins): register, switch on or off, read an endpoint's delivery log. */
export function WebhooksPanel() {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const webhooks = useLoad(fetchWebhooks);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const [notice, setNotice] = useState<NoticeText | null>(null);
  const list = webhooks.data ?? [];
  const selected = list.find((w) => w.id === selectedId) ?? null;

  const onRegistered = (answer: { webhook: Webhook; secret: string }) => {
    setSecret({ url: answer.webhook.url, secret: answer.secret });
    const webhook = answer.webhook;
    setSelectedId(webhook.id);
    webhooks.reload();
  };
  const onToggle = async (webhook: Webhook) => {
    setNotice(null);
    try {
      const changed = await setWebhookActive(webhook.id, !webhook.active);
      setNotice({ kind: 'ok', key: changed.active ? 'admin.webhooks.enabledDone' : 'admin.webhooks.disabledDone', name: changed.url });
    } catch (error) {
      setNotice({ kind: 'error', key: adminErrorKey(error) });
    }
    webhooks.reload();
  };

  return (
    <div className="admin-panel" data-testid="webhooks-panel">
      <RegisterWebhookForm onRegistered={onRegistered} />
      {secret && <SecretNotice url={secret.url} secret={secret.secret} onDismiss={() => setSecret(null)} />}
      <section className="commander-card" aria-labelledby="webhooks-title">
        <h2 id="webhooks-title" className="card-title">
          {t('admin.webhooks.title')} {webhooks.data && <span className="panel-count">{formatNumber(list.length, language)}</span>}
        </h2>
        <Notice notice={notice} testId="webhooks-notice" />
        <LoadStatus loaded={webhooks} count={list.length} emptyKey="admin.webhooks.empty" testId="webhooks" />
        {list.length > 0 && (
          <div className="table-scroll">
            <table className="data-table admin-table" data-testid="webhooks-table">
              <thead>
                <tr>
                  <th scope="col">{t('admin.webhooks.columns.url')}</th>
                  <th scope="col">{t('admin.webhooks.columns.events')}</th>
                  <th scope="col">{t('admin.webhooks.columns.status')}</th>
                  <th scope="col">{t('admin.webhooks.columns.failures')}</th>
                  <th scope="col">{t('admin.webhooks.columns.created')}</th>
                  <th scope="col">{t('admin.webhooks.columns.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((webhook) => (
                  <WebhookRow key={webhook.id} webhook={webhook} selected={webhook.id === selectedId} onSelect={() => setSelectedId(webhook.id === selectedId ? null : webhook.id)} onToggle={onToggle} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {selected && <DeliveryLog webhook={selected} onRefresh={webhooks.reload} />}
    </div>
  );
}
