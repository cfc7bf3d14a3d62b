import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { adminSectionsOf, type AdminSection } from '../../lib/admin-access';
import { useStore } from '../../store';
import { Header } from '../Header';
import { TabList } from '../TabList';
import { useLiveConnection } from '../use-live-connection';
import { UnitsPanel } from './UnitsPanel';
import { UsersPanel } from './UsersPanel';
import { WebhooksPanel } from './WebhooksPanel';

/**
 * `/admin`: accounts and patrol units (admin), webhooks (commander, admin). Laid out with the commander page's
 * cards and tabs (styles/commander.css). A role with no part of it is told so, not shown a broken page.
 */
export function AdminView() {
  const { t } = useTranslation();
  const sections = adminSectionsOf(useStore((s) => s.user?.role));
  const [chosen, setChosen] = useState<AdminSection | null>(null);
  // The header's connection state and a session ended elsewhere (e.g. this account disabled) need the socket.
  useLiveConnection();

  const tab = chosen && sections.includes(chosen) ? chosen : sections[0];
  return (
    <div className="commander">
      <Header />
      <main className="commander-body admin" data-testid="admin-page">
        <h1 className="admin-title">{t('admin.title')}</h1>
        {tab === undefined ? (
          <p className="form-error" role="alert" data-testid="admin-forbidden">
            {t('admin.forbidden')} — <a href="/">{t('nav.desk')}</a>
          </p>
        ) : (
          <>
            {sections.length > 1 && (
              <TabList ids={sections} current={tab} onChoose={setChosen} label={t('admin.title')} labelOf={(id) => t(`admin.tabs.${id}`)} prefix="admin-tab-" panelId="admin-tabpanel" />
            )}
            <div id="admin-tabpanel" role={sections.length > 1 ? 'tabpanel' : undefined} aria-labelledby={sections.length > 1 ? `admin-tab-${tab}` : undefined}>
              {tab === 'users' ? <UsersPanel /> : tab === 'units' ? <UnitsPanel /> : <WebhooksPanel />}
            </div>
          </>
        )}
      </main>
    </div>
  );
}
