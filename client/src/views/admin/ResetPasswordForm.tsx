import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { limits, passwordSchema, type User } from '@rasd/shared';
import { z } from 'zod';
import { resetPassword } from '../../api/admin';
import { Field } from './Field';
import { Notice } from './Notice';
import { useFormSubmit } from './use-form-submit';

// The password rule of the server's PATCH /api/v1/users/:id.
const resetSchema = z.object({ password: passwordSchema });

/** A new password for one account; the server ends that account's sessions. */
export function ResetPasswordForm({ user, onDone, onCancel }: { user: User; onDone: (user: User) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const form = useFormSubmit();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (form.busy) return;
    const input = { password };
    setPassword('');
    await form.submit(resetSchema, input, async (data) => onDone(await resetPassword(user.id, data.password)));
  }

  return (
    <form className="admin-inline-form" onSubmit={(e) => void onSubmit(e)} noValidate data-testid="user-reset-form">
      <Field name="new-password" label={t('admin.users.reset.label', { name: user.username })} hintKey="admin.passwordPolicy" errorKey={form.fieldErrors.password}>
        <input
          name="new-password"
          type="password"
          dir="ltr"
          autoComplete="new-password"
          autoFocus
          maxLength={limits.passwordMax}
          value={password}
          aria-invalid={!!form.fieldErrors.password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </Field>
      <div className="button-row">
        <button type="submit" className="button" disabled={form.busy} data-testid="user-reset-submit">
          {t('admin.users.reset.submit')}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
      <Notice notice={form.errorKey ? { kind: 'error', key: form.errorKey } : null} testId="user-reset-message" />
    </form>
  );
}
