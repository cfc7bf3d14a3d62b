import { useState } from 'react';
import type { User } from '@rasd/shared';
import { setUserDisabled } from '../../api/admin';
import { fetchUsers } from '../../api/incidents';
import { adminErrorKey } from '../../lib/admin-forms';
import { AdminListCard } from './AdminListCard';
import { CreateUserForm } from './CreateUserForm';
import type { NoticeText } from './Notice';
import { UserRow } from './UserRow';
import { useLoad } from './use-load';

/** Accounts (admin only): create, reset a password, disable or enable. */
export function UsersPanel() {
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
      <AdminListCard name="users" loaded={users} count={list.length} notice={notice} columns={['username', 'role', 'status', 'actions']}>
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
      </AdminListCard>
    </div>
  );
}
