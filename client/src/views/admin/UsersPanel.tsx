import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '@rasd/shared';
import { setUserDisabled } from '../../api/admin';
import { fetchUsers } from '../../api/incidents';
import { formatNumber } from '../../i18n/format';
import { adminErrorKey } from '../../lib/admin-forms';
import { useStore } from '../../store';
import { CreateUserForm } from './CreateUserForm';
import { LoadStatus } from './LoadStatus';
import { Notice, type NoticeText } from './Notice';
import { UserRow } from './UserRow';
import { useLoad } from './use-load';

/** Accounts (admin only): create, reset a password, disable or enable. */
export function UsersPanel() {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const users = useLoad(fetchUsers);
  const [resettingId, setResettingId] = useState<string | null>(null);
  const [notice, setNotice] = useState<NoticeText | null>(null);
  const list = users.data ?? [];

  const onReset = (user: User) => {
    setResettingId(null);
    setNotice({ kind: 'ok', key: 'admin.users.reset.done', name: user.username });
  };
  const onToggle = async (user: User) => {
    setNotice(null);
    try {
      const changed = await setUserDisabled(user.id, !user.disabled);
      setNotice({ kind: 'ok', key: changed.disabled ? 'admin.users.disabledDone' : 'admin.users.enabledDone', name: changed.username });
    } catch (error) {
      setNotice({ kind: 'error', key: adminErrorKey(error) });
    }
    users.reload();
  };

  return (
    <div className="admin-panel" data-testid="users-panel">
      <CreateUserForm onCreated={users.reload} />
      <section className="commander-card" aria-labelledby="users-title">
        <h2 id="users-title" className="card-title">
          {t('admin.users.title')} {users.data && <span className="panel-count">{formatNumber(list.length, language)}</span>}
        </h2>
        <Notice notice={notice} testId="users-notice" />
        <LoadStatus loaded={users} count={list.length} emptyKey="admin.users.empty" testId="users" />
        {list.length > 0 && (
          <div className="table-scroll">
            <table className="data-table admin-table" data-testid="users-table">
              <thead>
                <tr>
                  <th scope="col">{t('admin.users.columns.username')}</th>
                  <th scope="col">{t('admin.users.columns.role')}</th>
                  <th scope="col">{t('admin.users.columns.status')}</th>
                  <th scope="col">{t('admin.users.columns.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((user) => (
                  <UserRow
                    key={user.id}
                    user={user}
                    resetting={resettingId === user.id}
                    onResetOpen={(open) => {
                      setNotice(null);
                      setResettingId(open ? user.id : null);
                    }}
                    onReset={onReset}
                    onToggle={onToggle}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
