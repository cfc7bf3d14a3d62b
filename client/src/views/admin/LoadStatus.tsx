import { useTranslation } from 'react-i18next';
import { adminErrorKey } from '../../lib/admin-forms';
import type { Loaded } from './use-load';

/**
 * Loading, failure (with a retry) and empty states of a list; nothing once there are rows to show.
 * A failed reload keeps the last rows and says so above them.
 */
export function LoadStatus({ loaded, count, emptyKey, testId }: { loaded: Loaded<unknown>; count: number; emptyKey: string; testId: string }) {
  const { t } = useTranslation();
  if (loaded.error) {
    return (
      <div className="load-failed" role="alert" data-testid={`${testId}-error`}>
        <span>{t(adminErrorKey(loaded.error))}</span>
        <button type="button" className="button button--small" onClick={loaded.reload}>
          {t('admin.retry')}
        </button>
      </div>
    );
  }
  if (loaded.data === null) {
    return (
      <p className="card-note" role="status" data-testid={`${testId}-loading`}>
        {t('app.loading')}
      </p>
    );
  }
  return count === 0 ? (
    <p className="card-note" data-testid={`${testId}-empty`}>
      {t(emptyKey)}
    </p>
  ) : null;
}
