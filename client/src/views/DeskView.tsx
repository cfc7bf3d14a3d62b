import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../store';
import { startLiveConnection } from '../transport/socket';
import { AlarmBanner } from './alarm/AlarmBanner';
import { AlarmController } from './alarm/AlarmController';
import { FilterBar } from './FilterBar';
import { Header } from './Header';
import { Toasts } from './Toasts';
import { useRetention } from './use-retention';
import { IncidentPanel } from './IncidentPanel';
import { IncidentDrawer } from './drawer/IncidentDrawer';
import { DeskMap } from './map/DeskMap';
import { UnitPanel } from './units/UnitPanel';

export function DeskView() {
  const { t } = useTranslation();
  useEffect(
    () =>
      startLiveConnection(useStore, {
        onUnauthorized: () => {
          const state = useStore.getState();
          state.resetIncidents();
          state.resetConnection();
          state.resetDrawer();
          state.resetAlarms();
          state.setUser(null);
        },
      }),
    [],
  );
  useRetention();

  return (
    <div className="desk">
      {/* The page's one h1 for screen readers; the brand in the header says the same visually. */}
      <h1 className="visually-hidden">{t('app.name')} · {t('app.tagline')}</h1>
      <Header />
      <div className="desk-strip">
        <AlarmBanner />
        <FilterBar />
      </div>
      <main className="desk-body">
        <IncidentPanel />
        <IncidentDrawer />
        <DeskMap />
        <UnitPanel />
      </main>
      <AlarmController canAcknowledge />
      <Toasts />
    </div>
  );
}
