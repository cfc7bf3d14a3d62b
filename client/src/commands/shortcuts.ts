import { allowedCommands } from '../lib/allowed-commands';
import { useStore, type StoreHandle } from '../store';
import { claimIncident } from './incident-commands';

/**
 * The queue's keyboard commands on one incident. Each opens the drawer first, so the
 * outcome (the holder, a lost claim, the form) is in sight.
 */
export function runShortcut(command: 'open' | 'claim' | 'action', incidentId: string, store: StoreHandle = useStore): void {
  const state = store.getState();
  state.openIncident(incidentId, command === 'open');
  const incident = state.incidents[incidentId];
  if (!incident) return;
  if (command === 'claim') {
    // Claiming one's own incident again changes nothing; anything else goes to the server,
    // which names the holder when someone was faster.
    if (incident.claimedBy?.userId !== state.user?.id) void claimIncident(incidentId, store);
  } else if (command === 'action' && allowedCommands(incident, state.user).action) {
    state.openActionForm();
  }
}
