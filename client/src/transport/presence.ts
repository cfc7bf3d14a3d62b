import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@rasd/shared';
import { parsePresence } from '../lib/parse';
import type { StoreHandle } from '../store';

type RasdSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const ackTimeoutMs = 10_000;

/**
 * "Monitored by": tells the server which incident the drawer shows, and keeps the store's
 * watcher lists in step with `presence:update`. The server forgets what a socket watched
 * when it disconnects, so the open incident is announced again on every connect.
 */
export function bindPresence(socket: RasdSocket, store: StoreHandle): () => void {
  const watch = (incidentId: string | null) => {
    socket.timeout(ackTimeoutMs).emit('presence:watch', { incidentId }, (error, response) => {
      if (error) return; // timed out: the next connect announces it again
      const presence = parsePresence((response as { data?: unknown } | null)?.data);
      if (presence) store.getState().setWatchers(presence);
    });
  };

  const onConnect = () => {
    const open = store.getState().drawerId;
    if (open) watch(open);
  };
  const onUpdate = (payload: unknown) => {
    const presence = parsePresence(payload);
    if (presence) store.getState().setWatchers(presence);
  };
  socket.on('connect', onConnect);
  socket.on('presence:update', onUpdate);
  const unsubscribe = store.subscribe?.((state, previous) => {
    if (state.drawerId !== previous.drawerId && socket.connected) watch(state.drawerId);
  });

  return () => {
    unsubscribe?.();
    socket.off('connect', onConnect);
    socket.off('presence:update', onUpdate);
  };
}
