import { useEffect } from 'react';
import { useStore } from '../store';
import { startLiveConnection } from '../transport/socket';

/** Back to the sign-in form with nothing of the ended session left in the store. */
function endSession() {
  const state = useStore.getState();
  state.resetIncidents();
  state.resetConnection();
  state.setUser(null);
}

/** The live socket for as long as the page is open; a session the server has ended signs the page out. */
export function useLiveConnection(): void {
  useEffect(() => startLiveConnection(useStore, { onUnauthorized: endSession }), []);
}
