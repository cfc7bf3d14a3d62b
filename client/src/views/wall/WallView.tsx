import { useEffect } from 'react';
import { useStore } from '../../store';
import { startLiveConnection } from '../../transport/socket';
import { AlarmController } from '../alarm/AlarmController';
import { useRetention } from '../use-retention';
import { ReconnectBanner } from './ReconnectBanner';
import { WallAlarms } from './WallAlarms';
import { WallCounters } from './WallCounters';
import { WallHeader } from './WallHeader';
import { WallMap } from './WallMap';
import { WallTicker } from './WallTicker';

/**
 * The wall display (`/wall`): a TV across the room, no keyboard or mouse. Same live connection and
 * catch-up as a desk, so after a network loss or a server restart it shows what it missed without
 * a reload. It signs in once, with an account of its own (see client/README: role `officer`).
 */
export function WallView({ muted }: { muted: boolean }) {
  useEffect(
    () =>
      startLiveConnection(useStore, {
        onUnauthorized: () => {
          const state = useStore.getState();
          state.resetIncidents();
          state.resetConnection();
          state.setUser(null);
        },
      }),
    [],
  );
  useRetention();

  return (
    <div className="wall" data-testid="wall">
      <WallHeader />
      <ReconnectBanner />
      <WallCounters />
      <main className="wall-body">
        <WallMap />
        <aside className="wall-side">
          <WallAlarms />
          <WallTicker />
        </aside>
      </main>
      <AlarmController canAcknowledge={false} muted={muted} />
    </div>
  );
}
