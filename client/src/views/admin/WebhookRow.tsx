import { useTranslation } from 'react-i18next';
import type { Webhook } from '@rasd/shared';
import { formatIncidentTime, formatNumber } from '../../i18n/format';
import { useStore } from '../../store';
import { ConfirmButton } from './ConfirmButton';

interface Props {
  webhook: Webhook;
  selected: boolean;
  onSelect: () => void;
  onToggle: (webhook: Webhook) => Promise<void>;
}

/** One endpoint: address, events, state, and the buttons for its delivery log and on/off. */
export function WebhookRow({ webhook, selected, onSelect, onToggle }: Props) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const state = webhook.active ? 'active' : 'disabled';
  return (
    <tr data-testid="webhook-row" data-url={webhook.url} data-active={webhook.active} className={selected ? 'row-selected' : undefined}>
      <th scope="row" className="url" dir="ltr">
        {webhook.url}
      </th>
      <td>
        <ul className="chips">
          {webhook.events.map((e) => (
            <li key={e} className="chip">
              {t(`admin.events.${e}`)}
            </li>
          ))}
        </ul>
      </td>
      <td>
        <span className={`status-pill status-pill--${state}`} data-testid="webhook-status">
          {t(`admin.webhooks.status.${state}`)}
        </span>
      </td>
      <td className="num">{formatNumber(webhook.consecutiveFailures, language)}</td>
      <td>
        <span dir="auto">{webhook.createdBy}</span>
        <br />
        <span className="dim num">{formatIncidentTime(webhook.createdAt, language)}</span>
      </td>
      <td>
        <div className="row-actions">
          <button type="button" className="button button--small" aria-pressed={selected} data-testid="webhook-log-open" onClick={onSelect}>
            {t('admin.log.open')}
          </button>
          <ConfirmButton
            label={t(webhook.active ? 'admin.webhooks.disable' : 'admin.webhooks.enable')}
            question={t(webhook.active ? 'admin.webhooks.disableQuestion' : 'admin.webhooks.enableQuestion')}
            onConfirm={() => onToggle(webhook)}
            testId={webhook.active ? 'webhook-disable' : 'webhook-enable'}
          />
        </div>
      </td>
    </tr>
  );
}
