import type { Socket } from 'socket.io-client';
import { unitSchema, type ClientToServerEvents, type ServerToClientEvents } from '@rasd/shared';
import { fetchUnits } from '../api/units';
import type { StoreHandle } from '../store';

type RasdSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * The unit layer: the whole (small) list on every connect, then live `unit:upsert`. Per-unit seq
 * rules make the order of the two irrelevant, so nothing needs buffering.
 */
export function bindUnits(socket: RasdSocket, store: StoreHandle): () => void {
  const onConnect = () => {
    fetchUnits()
      .then((units) => store.getState().applyUnits(units))
      .catch((error: unknown) => console.warn('rasd: could not load units', error));
  };
  const onUnit = (payload: unknown) => {
    const unit = unitSchema.safeParse(payload);
    if (unit.success) store.getState().applyUnits([unit.data]);
  };
  socket.on('connect', onConnect);
  socket.on('unit:upsert', onUnit);
  return () => {
    socket.off('connect', onConnect);
    socket.off('unit:upsert', onUnit);
  };
}
