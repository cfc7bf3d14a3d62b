import { useTranslation } from 'react-i18next';
import { roleLabels, type User } from '@rasd/shared';
import { useStore } from '../../store';
import { ConfirmButton } from './ConfirmButton';
import { ResetPasswordForm } from './ResetPasswordForm';

interface Props {
  user: User;
  resetting: boolean;
  onResetOpen: (open: boolean) => void;
  onReset: (user: User) => void;
  onToggle: (user: User) => Promise<void>;
}

/** One account: its role and state, a password reset, and disable or enable after a question. */
export function UserRow({ user, resetting, onResetOpen, onReset, onToggle }: Props) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  // Disabling one's own account would lock the last admin out with one click.
  const self = useStore((s) => s.user?.id === user.id);
  const state = user.disabled ? 'disabled' : 'active';
  const formId = `reset-${user.id}`;
  return (
    <>
      <tr data-testid="user-row" data-username={user.username} data-disabled={user.disabled}>
        <th scope="row">
          <span dir="auto">{user.username}</span>
          {self && <span className="dim"> ({t('admin.users.you')})</span>}
        </th>
        <td>{roleLabels[user.role][language]}</td>
        <td>
          <span className={`status-pill status-pill--${state}`} data-testid="user-status">
            {t(`admin.users.status.${state}`)}
          </span>
        </td>
        <td>
          <div className="row-actions">
            <button type="button" className="button button--small" aria-expanded={resetting} aria-controls={resetting ? formId : undefined} data-testid="user-reset-open" onClick={() => onResetOpen(!resetting)}>
              {t('admin.users.reset.open')}
            </button>
            {!self && (
              <ConfirmButton
                label={t(user.disabled ? 'admin.users.enable' : 'admin.users.disable')}
                question={t(user.disabled ? 'admin.users.enableQuestion' : 'admin.users.disableQuestion', { name: user.username })}
                onConfirm={() => onToggle(user)}
                testId={user.disabled ? 'user-enable' : 'user-disable'}
              />
            )}
          </div>
        </td>
      </tr>
      {resetting && (
        <tr className="row-detail">
          <td colSpan={4} id={formId}>
            <ResetPasswordForm user={user} onDone={onReset} onCancel={() => onResetOpen(false)} />
          </td>
        </tr>
      )}
    </>
  );
}
