import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { currentSession } from './api/http';
import { applyLanguage } from './i18n';
import { useStore } from './store';
import { LoginView } from './views/LoginView';
import { DeskView } from './views/DeskView';

export function App() {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const sessionStatus = useStore((s) => s.sessionStatus);

  useEffect(() => applyLanguage(language), [language]);

  useEffect(() => {
    let cancelled = false;
    currentSession()
      .then((user) => !cancelled && useStore.getState().setUser(user))
      // Unreachable server: show the form; signing in reports the network problem.
      .catch(() => !cancelled && useStore.getState().setUser(null));
    return () => {
      cancelled = true;
    };
  }, []);

  if (sessionStatus === 'checking') {
    return (
      <div className="screen-center" role="status" aria-live="polite">
        <p className="loading-text">{t('app.loading')}</p>
      </div>
    );
  }
  return sessionStatus === 'authenticated' ? <DeskView /> : <LoginView />;
}
