import { useTranslation } from 'react-i18next';
import { adminSectionsOf } from '../../lib/admin-access';
import { useStore } from '../../store';

type Page = 'desk' | 'commander' | 'admin';
const hrefs: Record<Page, string> = { desk: '/', commander: '/commander', admin: '/admin' };

/** Links between the desk, the commander's page and the admin page, for the roles that may open the latter. */
export function HeaderNav() {
  const { t } = useTranslation();
  const role = useStore((s) => s.user?.role);
  const pages: Page[] = ['desk'];
  if (role === 'commander' || role === 'admin') pages.push('commander');
  if (adminSectionsOf(role).length > 0) pages.push('admin');
  if (pages.length === 1) return null;
  const path = window.location.pathname;
  const here: Page = path.startsWith('/commander') ? 'commander' : path.startsWith('/admin') ? 'admin' : 'desk';
  return (
    <nav className="header-nav" aria-label={t('nav.label')}>
      {pages.map((page) => (
        <a key={page} href={hrefs[page]} className="header-nav-link" aria-current={here === page ? 'page' : undefined} data-testid={`nav-${page}`}>
          {t(`nav.${page}`)}
        </a>
      ))}
    </nav>
  );
}
