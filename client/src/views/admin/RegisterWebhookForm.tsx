import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { limits, webhookCreateSchema, webhookEvents, type Webhook, type WebhookEvent } from '@rasd/shared';
import { registerWebhook } from '../../api/admin';
import { Field, useFieldText } from './Field';
import { Notice } from './Notice';
import { useFormSubmit } from './use-form-submit';

/** A new endpoint: its HTTPS address and the events it receives. */
export function RegisterWebhookForm({ onRegistered }: { onRegistered: (answer: { webhook: Webhook; secret: string }) => void }) {
  const { t } = useTranslation();
  const text = useFieldText();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>(['incident.created']);
  const form = useFormSubmit();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (form.busy) return;
    const ok = await form.submit(webhookCreateSchema, { url: url.trim(), events }, async (data) => onRegistered(await registerWebhook(data)));
    if (ok) setUrl('');
  }
  const toggle = (name: WebhookEvent, on: boolean) => setEvents((list) => (on ? webhookEvents.filter((e) => e === name || list.includes(e)) : list.filter((e) => e !== name)));

  return (
    <form className="commander-card admin-form" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="webhook-register-title" data-testid="webhook-register-form">
      <h2 id="webhook-register-title" className="card-title">
        {t('admin.webhooks.register.title')}
      </h2>
      <div className="admin-form-fields">
        <Field name="url" label={t('admin.webhooks.register.url')} hintKey="admin.webhooks.register.urlHint" errorKey={form.fieldErrors.url}>
          <input
            name="url"
            type="url"
            dir="ltr"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            placeholder="https://"
            maxLength={limits.urlMax}
            value={url}
            aria-invalid={!!form.fieldErrors.url}
            onChange={(e) => setUrl(e.target.value)}
          />
        </Field>
        <fieldset className="event-choices" aria-invalid={!!form.fieldErrors.events}>
          <legend className="field-label">{t('admin.webhooks.register.events')}</legend>
          {webhookEvents.map((name) => (
            <label key={name} className="check">
              <input type="checkbox" name="events" value={name} checked={events.includes(name)} onChange={(e) => toggle(name, e.target.checked)} />
              <span>{t(`admin.events.${name}`)}</span>
            </label>
          ))}
          {form.fieldErrors.events && (
            <span className="field-error" data-testid="field-error-events">
              {text(form.fieldErrors.events)}
            </span>
          )}
        </fieldset>
      </div>
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={form.busy} data-testid="webhook-register">
          {t('admin.webhooks.register.submit')}
        </button>
      </div>
      <Notice notice={form.errorKey ? { kind: 'error', key: form.errorKey } : null} testId="webhook-register-message" />
    </form>
  );
}
