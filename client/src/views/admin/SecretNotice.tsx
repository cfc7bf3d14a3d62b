import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** Whose secret: a webhook's signing secret or a unit's device key (the wording and test ids follow). */
  of: 'webhook' | 'unit';
  /** What it belongs to: the endpoint's address, the unit's call sign. */
  subject: string;
  secret: string;
  onDismiss: () => void;
}

/**
 * A secret the server returns once and never again (a webhook's signing secret, a unit's device
 * key). It stays here only until dismissed and is kept nowhere else.
 */
export function SecretNotice({ of, subject, secret, onDismiss }: Props) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [secret]);
  const text = (key: string) => t(`admin.${of}s.secret.${key}`);
  return (
    <section className="commander-card secret-notice" aria-labelledby={`${of}-secret-title`} data-testid={`${of}-secret-notice`}>
      <h2 id={`${of}-secret-title`} className="card-title" tabIndex={-1} ref={heading}>
        {text('title')}
      </h2>
      <p className="card-note card-note--accent">{text('note')}</p>
      <p className="url" dir="auto">
        {subject}
      </p>
      <code className="secret" dir="ltr" tabIndex={0} aria-label={text('title')} data-testid={`${of}-secret`}>
        {secret}
      </code>
      <div className="button-row">
        <button type="button" className="button" onClick={onDismiss} data-testid={`${of}-secret-dismiss`}>
          {text('dismiss')}
        </button>
      </div>
    </section>
  );
}
