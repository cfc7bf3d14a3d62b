import type { Namespace, Server } from 'socket.io';
import { limits, unitChannel, type Unit, type UnitChannelEvents } from '@rasd/shared';

const roomOf = (unitId: string) => `unit:${unitId}`;

/**
 * The tablets' push channel: a unit's device waits on `/unit`, authenticated by the unit's key, and
 * is told when its view changed instead of asking every few seconds. It sends nothing (socket.io
 * ignores events nobody listens for) and receives no data: the key still authorises what it then
 * fetches, so a socket whose key was replaced learns nothing but that something changed.
 */
export function createUnitChannel(io: Server, authenticate: (key: string) => Promise<Unit | null>) {
  const nsp = io.of(unitChannel.namespace) as unknown as Namespace<Record<string, never>, UnitChannelEvents>;
  nsp.use(async (socket, next) => {
    const key = (socket.handshake.auth as { unitKey?: unknown } | undefined)?.unitKey;
    if (typeof key !== 'string' || key.length === 0 || key.length > limits.unitKeyMax) return next(new Error('unauthorized'));
    try {
      const unit = await authenticate(key);
      if (!unit) return next(new Error('unauthorized'));
      // A recovered socket comes back with its old rooms: it gets its fresh authentication's only.
      if (socket.recovered) for (const room of [...socket.rooms]) if (room !== socket.id) void socket.leave(room);
      void socket.join(roomOf(unit.id));
      next();
    } catch {
      next(new Error('unavailable'));
    }
  });
  return {
    /** Tells these units' tablets to fetch their view again (every instance's, through the adapter). */
    poke(unitIds: readonly string[]) {
      if (unitIds.length > 0) nsp.to(unitIds.map(roomOf)).emit(unitChannel.changed);
    },
    /** Closes a unit's device sockets on every instance (its key was replaced: they must sign in again). */
    disconnect(unitId: string) {
      nsp.in(roomOf(unitId)).disconnectSockets(true);
    },
  };
}
export type UnitChannel = ReturnType<typeof createUnitChannel>;
