import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';

/** Links between the desk and the commander's page, for the roles that may open the latter. */
export function HeaderNav() {
  const { t } = useTranslation();
  const role = useStore((s) => s.user?.role);
  if (role !== 'commander' && role !== 'admin') return null;
  const here = window.location.pathname.startsWith('/commander') ? 'commander' : 'desk';
  return (
    <nav className="header-nav" aria-label={t('commander.title')}>
      <a href="/" className="header-nav-link" aria-current={here === 'desk' ? 'page' : undefined} data-testid="nav-desk">
        {t('nav.desk')}
      </a>
      <a href="/commander" className="header-nav-link" aria-current={here === 'commander' ? 'page' : undefined} data-testid="nav-commander">
        {t('nav.commander')}
      </a>
    </nav>
  );
}
