import type { Socket } from 'socket.io-client';

/** A socket.io-client stand-in: tests deliver server events with `emit` and see what is bound in `handlers`. */
export function fakeSocket() {
  const handlers = new Map<string, (payload: unknown) => void>();
  const socket = {
    on: (event: string, fn: (payload: unknown) => void) => handlers.set(event, fn),
    off: (event: string) => handlers.delete(event),
  };
  return { socket: socket as unknown as Socket, emit: (event: string, payload: unknown) => handlers.get(event)?.(payload), handlers };
}
