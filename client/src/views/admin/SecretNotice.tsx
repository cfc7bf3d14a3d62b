import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The signing secret of a just-registered endpoint. The server returns it once and never again,
 * so it stays here only until dismissed and is kept nowhere else.
 */
export function SecretNotice({ url, secret, onDismiss }: { url: string; secret: string; onDismiss: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="commander-card secret-notice" aria-labelledby="secret-title" data-testid="webhook-secret-notice">
      <h2 id="secret-title" className="card-title" tabIndex={-1} ref={heading}>
        {t('admin.webhooks.secret.title')}
      </h2>
      <p className="card-note card-note--accent">{t('admin.webhooks.secret.note')}</p>
      <p className="url" dir="ltr">
        {url}
      </p>
      <code className="secret" dir="ltr" tabIndex={0} aria-label={t('admin.webhooks.secret.title')} data-testid="webhook-secret">
        {secret}
      </code>
      <div className="button-row">
        <button type="button" className="button" onClick={onDismiss} data-testid="webhook-secret-dismiss">
          {t('admin.webhooks.secret.dismiss')}
        </button>
      </div>
    </section>
  );
}
