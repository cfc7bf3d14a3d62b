import type { Adapter, Session } from 'socket.io-adapter';

/**
 * socket.io connection-state recovery, used as a fast path only: a dashboard that reconnects within
 * `maxDisconnectionDuration` gets the events it missed at once, but it still asks for everything
 * after its last seq (the catch-up that makes delivery complete), and the store ignores what it has.
 *
 * Short on purpose: without Redis, every broadcast of that window stays in memory (as JSON text,
 * see keepPacketsAsText).
 */
export const recoveryOptions = { maxDisconnectionDuration: 30_000, skipMiddlewares: false } as const;

/** How long a restore may wait on Redis before the socket connects as new (and catches up with `since`). */
const restoreTimeoutMs = 1_000;
/** Missed packets of a socket refused by the middleware are dropped after this long. */
const heldForMs = 30_000;

/**
 * socket.io writes a recovered session's missed packets to the wire while it builds the socket,
 * before the middlewares run, so `skipMiddlewares: false` alone would hand them to a session that
 * was revoked meanwhile. This holds them back until the middleware has authenticated the socket
 * again and the `connection` handler releases them.
 */
export class HeldPackets {
  private readonly byPid = new Map<string, { packets: unknown[][]; rooms: string[]; timer: NodeJS.Timeout }>();

  hold(session: Session): void {
    const timer = setTimeout(() => this.byPid.delete(session.pid), heldForMs);
    timer.unref();
    this.byPid.set(session.pid, { packets: session.missedPackets, rooms: [...session.rooms], timer });
  }

  /**
   * The packets held for a socket, and the rooms its old session was in. Taking them forgets them.
   */
  take(pid: string): { packets: unknown[][]; rooms: string[] } {
    const entry = this.byPid.get(pid);
    if (!entry) return { packets: [], rooms: [] };
    clearTimeout(entry.timer);
    this.byPid.delete(pid);
    return { packets: entry.packets, rooms: entry.rooms };
  }
}

/** Bounds an adapter's restores in time and holds their missed packets back (see HeldPackets). */
export function holdMissedPackets(adapter: Adapter, held: HeldPackets): void {
  const restore = adapter.restoreSession.bind(adapter);
  adapter.restoreSession = async (pid, offset) => {
    // While Redis is away a restore would wait for it; a fresh connection that catches up is better.
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), restoreTimeoutMs)));
    const session = await Promise.race([restore(pid, offset), timeout]).finally(() => clearTimeout(timer));
    if (!session) return null as unknown as Session; // socket.io reads null as "not recovered"
    held.hold(session);
    return { ...session, missedPackets: [] };
  };
}
