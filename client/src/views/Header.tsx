import { useTranslation } from 'react-i18next';
import { roleLabels } from '@rasd/shared';
import { logout } from '../api/http';
import { useStore } from '../store';
import { Brand } from './Brand';
import { ConnectionStatus } from './ConnectionStatus';
import { LanguageToggle } from './LanguageToggle';
import { SettingsMenu } from './SettingsMenu';
import { HeaderNav } from './commander/HeaderNav';

async function signOut() {
  try {
    await logout();
  } catch {
    // The local session ends regardless; a stale cookie is refused by the server later.
  }
  const state = useStore.getState();
  state.resetIncidents();
  state.resetConnection();
  state.select(null);
  state.resetDrawer();
  state.resetAlarms();
  state.setUser(null);
}

export function Header() {
  const { t } = useTranslation();
  const user = useStore((s) => s.user);
  const language = useStore((s) => s.language);
  return (
    <header className="desk-header">
      <Brand />
      <ConnectionStatus />
      <HeaderNav />
      <div className="header-spacer" />
      {user && (
        <div className="user-badge" data-testid="current-user">
          <span className="user-name" dir="auto">
            {user.username}
          </span>
          <span className="user-role">{roleLabels[user.role][language]}</span>
        </div>
      )}
      <SettingsMenu />
      <LanguageToggle />
      <button type="button" className="button button--quiet" data-testid="logout" onClick={() => void signOut()}>
        {t('header.logout')}
      </button>
    </header>
  );
}
