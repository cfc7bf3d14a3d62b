import { useTranslation } from 'react-i18next';

export interface NoticeText {
  kind: 'ok' | 'error';
  key: string;
  /** An account's name or an endpoint's address: always shown as plain text. */
  name?: string;
}

/** The outcome of the last action on a list, announced to screen readers. */
export function Notice({ notice, testId }: { notice: NoticeText | null; testId: string }) {
  const { t } = useTranslation();
  if (!notice) return null;
  return (
    <p className={notice.kind === 'ok' ? 'form-ok' : 'form-error'} role={notice.kind === 'ok' ? 'status' : 'alert'} data-testid={testId} data-kind={notice.kind}>
      {t(notice.key, { name: notice.name })}
    </p>
  );
}
