import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@rasd/shared';
import { parseIncident } from '../lib/parse';
import type { StoreHandle } from '../store';

type RasdSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * `incident:escalated` reaches commanders only (the server picks the room). It becomes a toast;
 * the incident itself arrives through `incident:upsert` like every other change, so the seq rules
 * stay in one place.
 */
export function bindEscalations(socket: RasdSocket, store: StoreHandle): () => void {
  const onEscalated = (payload: unknown) => {
    const incident = parseIncident(payload);
    if (!incident) return;
    store.getState().pushToast({ kind: 'escalated', incidentId: incident.id, at: Date.now() });
  };
  socket.on('incident:escalated', onEscalated);
  return () => {
    socket.off('incident:escalated', onEscalated);
  };
}
