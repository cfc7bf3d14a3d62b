import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentSession } from './api/http';
import { applyLanguage } from './i18n';
import { useStore } from './store';
import { LoginView } from './views/LoginView';
import { DeskView } from './views/DeskView';
import { applyWallParams, isWallPath } from './views/wall/wall-route';
import { WallView } from './views/wall/WallView';
import { commanderRouteOf } from './views/commander/commander-route';
import { CommanderView } from './views/commander/CommanderView';
import { ShiftReportView } from './views/commander/ShiftReportView';
import { isAdminPath } from './lib/admin-access';
import { AdminView } from './views/admin/AdminView';

export function App() {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const sessionStatus = useStore((s) => s.sessionStatus);
  // `/commander` and its printable `/commander/report?at=ISO` (views/commander/commander-route.ts).
  const [commander] = useState(() => commanderRouteOf(window.location.pathname, window.location.search));
  // `/wall` is the wall display; its address may carry its settings (views/wall/wall-params.ts).
  const [wall] = useState(() => (isWallPath(window.location.pathname) ? applyWallParams(window.location.search) : null));
  const [admin] = useState(() => isAdminPath(window.location.pathname));

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
  if (sessionStatus === 'authenticated' && commander) return commander.page === 'report' ? <ShiftReportView at={commander.at} /> : <CommanderView />;
  if (sessionStatus === 'authenticated' && wall) return <WallView muted={wall.muted} />;
  if (sessionStatus === 'authenticated' && admin) return <AdminView />;
  return sessionStatus === 'authenticated' ? <DeskView /> : <LoginView />;
}
