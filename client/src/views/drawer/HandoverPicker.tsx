import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { roleLabels, type Incident, type Role, type User } from '@rasd/shared';
import { fetchUsers, handOver } from '../../api/incidents';
import { applyCommand } from '../../commands/incident-commands';
import { useStore } from '../../store';
import { errorKey } from './error-key';

/** Only these roles can hold an incident (the server refuses an administrator). */
const operational: readonly Role[] = ['officer', 'dispatcher', 'commander'];

/** Users an incident can be handed to: active, operational, and not the current holder. */
export function handoverCandidates(users: readonly User[], holder: string | null): User[] {
  return users
    .filter((u) => !u.disabled && operational.includes(u.role) && u.username !== holder)
    .sort((a, b) => a.username.localeCompare(b.username));
}

export function HandoverPicker({ incident, onDone }: { incident: Incident; onDone: () => void }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const [users, setUsers] = useState<User[] | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const holder = incident.claimedBy?.username ?? null;

  useEffect(() => {
    let cancelled = false;
    fetchUsers()
      .then((list) => !cancelled && setUsers(list))
      .catch(() => !cancelled && setLoadFailed(true));
    return () => {
      cancelled = true;
    };
  }, []);

  const candidates = users ? handoverCandidates(users, holder) : [];

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!chosen || busy) return;
    setBusy(true);
    setError(null);
    const result = await applyCommand(() => handOver(incident.id, chosen));
    setBusy(false);
    if (result.ok) onDone();
    else setError(errorKey(result.error.code));
  }

  return (
    <form className="handover" data-testid="handover-picker" onSubmit={onSubmit}>
      <label className="field">
        <span className="field-label">{t('handover.label')}</span>
        <select name="handoverTo" value={chosen} onChange={(e) => setChosen(e.target.value)} disabled={!users} autoFocus>
          <option value="">{users ? t('handover.choose') : loadFailed ? t('handover.loadFailed') : t('handover.loading')}</option>
          {candidates.map((u) => (
            <option key={u.id} value={u.username}>
              {u.username} — {roleLabels[u.role][language]}
            </option>
          ))}
        </select>
      </label>
      {users && candidates.length === 0 && <p className="field-hint">{t('handover.none')}</p>}
      {error && (
        <p className="form-error" role="alert">
          {t(error)}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button--primary" data-testid="handover-confirm" disabled={!chosen || busy}>
          {t('handover.confirm')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
