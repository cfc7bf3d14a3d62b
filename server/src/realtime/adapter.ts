import type { Namespace, ServerOptions } from 'socket.io';
import { SessionAwareAdapter, type Adapter } from 'socket.io-adapter';
import { holdMissedPackets, type HeldPackets } from './recovery';

export interface AdapterHooks {
  held: HeldPackets;
  /** Called with the ms from a broadcast's start to its delivery to this instance's sockets (after Redis took it). */
  onBroadcastDelivered?: (ms: number) => void;
  /** Called with the age in ms of each packet another instance published through the Redis stream. */
  onRemoteDelay?: (ms: number) => void;
  /** Called with each event packet (`[event, ...args]`) another instance published. */
  onRemotePacket?: (data: unknown[]) => void;
}

/**
 * The adapter socket.io is given: the Redis streams adapter when several instances run, otherwise
 * socket.io's in-memory one that keeps sessions for recovery; either way with recovery's missed
 * packets held back and, for Redis, the stream delay measured.
 */
export function buildAdapter(base: ServerOptions['adapter'] | undefined, hooks: AdapterHooks): ServerOptions['adapter'] {
  // socket.io calls the adapter with `new`; the Redis adapter's factory function returns its own object then.
  const make = base
    ? (nsp: Namespace) => new (base as unknown as new (nsp: Namespace) => Adapter)(nsp)
    : (nsp: Namespace) => keepPacketsAsText(pruneOften(new SessionAwareAdapter(nsp)));
  function RasdAdapter(nsp: Namespace): Adapter {
    const adapter = make(nsp);
    holdMissedPackets(adapter, hooks.held);
    const { onBroadcastDelivered } = hooks;
    if (onBroadcastDelivered) {
      // The Redis adapter delivers locally only once XADD has answered; the in-memory one at once.
      const broadcast = adapter.broadcast.bind(adapter);
      adapter.broadcast = (packet, opts) => {
        const start = performance.now();
        const done = () => onBroadcastDelivered(performance.now() - start);
        const result = broadcast(packet, opts) as unknown;
        if (result instanceof Promise) void result.then(done);
        else done();
      };
    }
    const cluster = adapter as Adapter & { onMessage?: (message: unknown, offset?: string) => void };
    const { onRemoteDelay, onRemotePacket } = hooks;
    if ((onRemoteDelay || onRemotePacket) && typeof cluster.onMessage === 'function') {
      const onMessage = cluster.onMessage.bind(cluster);
      cluster.onMessage = (message, offset) => {
        const fromOther = (message as { uid?: unknown }).uid !== (adapter as { uid?: unknown }).uid;
        if (fromOther) {
          // A stream entry's id starts with the Redis server's clock (ms) at XADD.
          const stamped = offset ? Number(offset.split('-')[0]) : NaN;
          if (Number.isFinite(stamped)) onRemoteDelay?.(Math.max(0, Date.now() - stamped));
          const data = (message as { data?: { packet?: { data?: unknown } } }).data?.packet?.data;
          if (Array.isArray(data)) onRemotePacket?.(data);
        }
        onMessage(message, offset);
      };
    }
    return adapter;
  }
  return RasdAdapter as unknown as ServerOptions['adapter'];
}

/** How often the in-memory adapter's kept packets are pruned (socket.io itself does it once a minute). */
export const pruneEveryMs = 2_000;

/**
 * socket.io's in-memory adapter keeps every broadcast for connection-state recovery and drops the
 * expired ones once a minute, so up to a minute more than the recovery window stays on the heap:
 * under ingest load, tens of thousands of frames, whose old-generation collection paused the whole
 * server for seconds. Dropping them every `pruneEveryMs` (same rule: older than the window) keeps
 * the recovery window's packets and little more.
 */
export function pruneOften<A extends Adapter>(adapter: A, everyMs = pruneEveryMs): A {
  const store = adapter as unknown as { packets?: { emittedAt: number }[]; maxDisconnectionDuration?: number };
  if (!Array.isArray(store.packets) || typeof store.maxDisconnectionDuration !== 'number') return adapter;
  const timer = setInterval(() => {
    const packets = store.packets!;
    const threshold = Date.now() - store.maxDisconnectionDuration!;
    // Kept in emission order: the expired ones are a prefix.
    let expired = 0;
    while (expired < packets.length && packets[expired]!.emittedAt < threshold) expired++;
    if (expired > 0) packets.splice(0, expired);
  }, everyMs);
  timer.unref();
  const close = adapter.close.bind(adapter);
  adapter.close = () => {
    clearInterval(timer);
    return close();
  };
  return adapter;
}

type KeptPacket = { data: unknown };

/**
 * The in-memory adapter keeps each broadcast's payload objects for the recovery window: at 2,000
 * detections a second, some 60,000 incidents and alerts as millions of small objects that every
 * old-generation collection must trace (pauses of 100–350 ms, bench section 2). Kept as its JSON
 * text instead, a packet is one flat string the collector does not look into; the rare recovery
 * parses back what it hands out. Every Rasd event is plain JSON (the shared schemas), as the wire
 * carries it anyway.
 */
export function keepPacketsAsText<A extends Adapter>(adapter: A): A {
  const store = adapter as unknown as { packets?: KeptPacket[] };
  if (!Array.isArray(store.packets)) return adapter;
  const broadcast = adapter.broadcast.bind(adapter);
  adapter.broadcast = (packet, opts) => {
    const kept = store.packets!.length;
    broadcast(packet, opts);
    // socket.io has already encoded and written it; what it appended is only read by a restore.
    const added = store.packets![kept];
    if (added) added.data = JSON.stringify(added.data);
  };
  const restore = adapter.restoreSession.bind(adapter);
  adapter.restoreSession = async (pid, offset) => {
    const session = await restore(pid, offset);
    if (!session) return session;
    return { ...session, missedPackets: session.missedPackets.map((data: unknown) => (typeof data === 'string' ? JSON.parse(data) : data)) };
  };
  return adapter;
}
