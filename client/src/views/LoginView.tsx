import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { limits } from '@rasd/shared';
import { ApiError, login } from '../api/http';
import { useStore } from '../store';
import { LanguageToggle } from './LanguageToggle';
import { Brand } from './Brand';

/** The i18n key of the message for a failed sign-in. */
export function loginErrorKey(error: unknown): string {
  if (!(error instanceof ApiError)) return 'login.failed';
  if (needsSecondFactor(error)) return 'login.totpRequired';
  if (error.status === 401 || error.status === 400) return 'login.invalid';
  if (error.status === 429) return 'login.tooMany';
  if (error.status === 0) return 'login.network';
  return 'login.failed';
}

/** The server asks for the authenticator code (accounts with a second factor). */
export function needsSecondFactor(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401 && error.details.some((d) => d.path === 'totp');
}

export function LoginView() {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [askTotp, setAskTotp] = useState(false);
  const [errorKey, setErrorKey] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setErrorKey(null);
    try {
      const user = await login({ username: username.trim(), password, ...(askTotp ? { totp } : {}) });
      useStore.getState().setUser(user);
    } catch (error) {
      setErrorKey(loginErrorKey(error));
      // Keep the password while asking for the code; clear it after any other failure.
      if (needsSecondFactor(error)) setAskTotp(true);
      else setPassword('');
      setTotp('');
      setBusy(false);
    }
  }

  return (
    <main className="login-screen">
      <div className="login-topbar">
        <LanguageToggle />
      </div>
      <form className="login-card" onSubmit={onSubmit} aria-labelledby="login-title">
        <Brand />
        <h1 id="login-title" className="login-title">
          {t('login.title')}
        </h1>
        <label className="field">
          <span className="field-label">{t('login.username')}</span>
          <input
            name="username"
            autoComplete="username"
            required
            maxLength={limits.usernameMax}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            autoFocus
            dir="auto"
          />
        </label>
        <label className="field">
          <span className="field-label">{t('login.password')}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            maxLength={limits.passwordMax}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            dir="ltr"
          />
        </label>
        {askTotp && (
          <label className="field">
            <span className="field-label">{t('login.totp')}</span>
            <input
              name="totp"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              maxLength={6}
              required
              value={totp}
              onChange={(e) => setTotp(e.target.value.replace(/\D/g, ''))}
              autoFocus
              dir="ltr"
            />
          </label>
        )}
        {errorKey && (
          <p className="form-error" role="alert" data-testid="login-error">
            {t(errorKey)}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </main>
  );
}
