import { useTranslation } from 'react-i18next';

export function Brand() {
  const { t } = useTranslation();
  return (
    <div className="brand">
      <span className="brand-name" lang="ar">
        رصد
      </span>{' '}
      <span className="brand-latin" lang="en">
        Rasd
      </span>
      <span className="brand-tagline">{t('app.tagline')}</span>
    </div>
  );
}
