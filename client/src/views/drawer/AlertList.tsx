import { useTranslation } from 'react-i18next';
import type { Alert } from '@rasd/shared';
import { formatNumber } from '../../i18n/format';
import { useStore } from '../../store';
import { CameraAlertItem, CapAlertItem, OtherAlertItem, SocialAlertItem } from './AlertItems';

/** Enough to follow a vehicle along the corridor; a long track is summarised. */
const shownMax = 20;

/** The incident's alerts, newest first: camera detections and citizen reports. */
export function AlertList({ alerts }: { alerts: readonly Alert[] | null }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  if (alerts === null) return null;
  const shown = [...alerts].reverse().slice(0, shownMax);
  return (
    <section className="drawer-section" aria-labelledby="alerts-title">
      <h3 id="alerts-title" className="section-title">
        {t('alerts.title')} <span className="panel-count">{formatNumber(alerts.length, language)}</span>
      </h3>
      {alerts.length === 0 && <p className="muted">{t('alerts.none')}</p>}
      <ul className="alert-list" data-testid="alert-list">
        {shown.map((alert) => {
          switch (alert.source) {
            case 'camera':
              return <CameraAlertItem key={alert.id} alert={alert} language={language} />;
            case 'social':
              return <SocialAlertItem key={alert.id} alert={alert} language={language} />;
            case 'cap':
              return <CapAlertItem key={alert.id} alert={alert} language={language} />;
            default:
              // A source added to the contract later still shows who sent it and when.
              return <OtherAlertItem key={(alert as Alert).id} alert={alert as Alert} language={language} />;
          }
        })}
      </ul>
      {alerts.length > shownMax && <p className="muted">{t('alerts.more', { n: formatNumber(alerts.length - shownMax, language) })}</p>}
    </section>
  );
}
