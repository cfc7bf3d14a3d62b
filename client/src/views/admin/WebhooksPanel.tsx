import { useState } from 'react';
import type { Webhook } from '@rasd/shared';
import { fetchWebhooks, setWebhookActive } from '../../api/admin';
import { adminErrorKey } from '../../lib/admin-forms';
import { AdminListCard } from './AdminListCard';
import { DeliveryLog } from './DeliveryLog';
import type { NoticeText } from './Notice';
import { RegisterWebhookForm } from './RegisterWebhookForm';
import { SecretNotice } from './SecretNotice';
import { WebhookRow } from './WebhookRow';
import { useLoad } from './use-load';

/** Signed webhooks (commanders and admins): register, switch on or off, read an endpoint's delivery log. */
export function WebhooksPanel() {
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
      {secret && <SecretNotice of="webhook" subject={secret.url} secret={secret.secret} onDismiss={() => setSecret(null)} />}
      <AdminListCard name="webhooks" loaded={webhooks} count={list.length} notice={notice} columns={['url', 'events', 'status', 'failures', 'created', 'actions']}>
        {list.map((webhook) => (
          <WebhookRow key={webhook.id} webhook={webhook} selected={webhook.id === selectedId} onSelect={() => setSelectedId(webhook.id === selectedId ? null : webhook.id)} onToggle={onToggle} />
        ))}
      </AdminListCard>
      {selected && <DeliveryLog webhook={selected} onRefresh={webhooks.reload} />}
    </div>
  );
}
