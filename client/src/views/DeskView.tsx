import { useEffect } from 'react';
import { useStore } from '../store';
import { startLiveConnection } from '../transport/socket';
import { Header } from './Header';
import { IncidentPanel } from './IncidentPanel';
import { IncidentDrawer } from './drawer/IncidentDrawer';
import { DeskMap } from './map/DeskMap';

export function DeskView() {
  useEffect(
    () =>
      startLiveConnection(useStore, {
        onUnauthorized: () => {
          const state = useStore.getState();
          state.resetIncidents();
          state.resetConnection();
          state.resetDrawer();
          state.setUser(null);
        },
      }),
    [],
  );

  return (
    <div className="desk">
      <Header />
      <main className="desk-body">
        <IncidentPanel />
        <IncidentDrawer />
        <DeskMap />
      </main>
    </div>
  );
}
