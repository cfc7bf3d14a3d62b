import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { limits, roleLabels, roles, userCreateSchema, type Role, type User } from '@rasd/shared';
import { createUser } from '../../api/admin';
import { useStore } from '../../store';
import { Field } from './Field';
import { Notice } from './Notice';
import { useFormSubmit } from './use-form-submit';

/** A new account: username, role and an initial password the user is told out of band. */
export function CreateUserForm({ onCreated }: { onCreated: (user: User) => void }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<Role>('officer');
  const [password, setPassword] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const form = useFormSubmit();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (form.busy) return;
    setCreated(null);
    const input = { username: username.trim(), role, password };
    // A submitted password never stays on screen, whatever the answer.
    setPassword('');
    const ok = await form.submit(userCreateSchema, input, async (data) => {
      const user = await createUser(data);
      setCreated(user.username);
      onCreated(user);
    });
    if (ok) setUsername('');
  }

  return (
    <form className="commander-card admin-form" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="user-create-title" data-testid="user-create-form">
      <h2 id="user-create-title" className="card-title">
        {t('admin.users.create.title')}
      </h2>
      <div className="admin-form-fields">
        <Field name="username" label={t('admin.users.create.username')} hintKey="admin.users.create.usernameHint" errorKey={form.fieldErrors.username}>
          <input
            name="username"
            dir="auto"
            autoComplete="off"
            spellCheck={false}
            maxLength={limits.usernameMax}
            value={username}
            aria-invalid={!!form.fieldErrors.username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </Field>
        <Field name="role" label={t('admin.users.create.role')} errorKey={form.fieldErrors.role}>
          <select name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {roleLabels[r][language]}
              </option>
            ))}
          </select>
        </Field>
        <Field name="password" label={t('admin.users.create.password')} hintKey="admin.passwordPolicy" errorKey={form.fieldErrors.password}>
          <input
            name="password"
            type="password"
            dir="ltr"
            autoComplete="new-password"
            maxLength={limits.passwordMax}
            value={password}
            aria-invalid={!!form.fieldErrors.password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
      </div>
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={form.busy} data-testid="user-create">
          {t('admin.users.create.submit')}
        </button>
      </div>
      <Notice notice={form.errorKey ? { kind: 'error', key: form.errorKey } : created ? { kind: 'ok', key: 'admin.users.create.done', name: created } : null} testId="user-create-message" />
    </form>
  );
}
