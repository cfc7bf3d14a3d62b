import { io, type Socket } from 'socket.io-client';
import { unitChannel, type UnitChannelEvents } from '@rasd/shared';

/**
 * The tablet's side of the units' push channel: `onChanged` runs when the server says this unit's
 * view changed, and on every (re)connect, because what was said while the tablet was away is not
 * kept for it, and when the server closes the channel (the unit's key was replaced: the fetch that
 * follows tells the tablet so at once). `onLive` tells whether the channel is up. Returns a stop function.
 */
export function watchUnit(key: string, onChanged: () => void, onLive: (live: boolean) => void): () => void {
  const socket: Socket<UnitChannelEvents> = io(unitChannel.namespace, {
    path: '/socket.io',
    transports: ['websocket'],
    auth: { unitKey: key },
  });
  socket.on('connect', () => {
    onLive(true);
    onChanged();
  });
  socket.on('disconnect', (reason) => {
    onLive(false);
    if (reason === 'io server disconnect') onChanged();
  });
  socket.on('connect_error', () => onLive(false));
  socket.on(unitChannel.changed, onChanged);
  return () => {
    socket.removeAllListeners();
    socket.close();
  };
}
