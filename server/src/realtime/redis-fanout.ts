import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Redis } from 'ioredis';
import type { Namespace, ServerOptions } from 'socket.io';
import type { Adapter, BroadcastOptions } from 'socket.io-adapter';

export interface Fanout {
  adapter: ServerOptions['adapter'];
  ping(): Promise<unknown>;
  /** Calls `listener` each time Redis is back after the connection was lost, with when it was lost. */
  onRecovered(listener: (lostAt: number) => void): () => void;
  close(): Promise<void>;
}

/** Default stream length; see docs/DEPLOYMENT.md ("Sizing the Redis stream") for the arithmetic. */
export const defaultStreamMaxLen = 100_000;

/**
 * Fan-out across instances through one Redis stream. Streams, not pub/sub: after a Redis blip the
 * adapter resumes from its last stream id, so packets for other instances are not dropped.
 * `maxLen` bounds the stream: at 1,000 events/s, 100,000 entries keep about 100 s, more than
 * connection-state recovery's 30 s window (a trimmed offset just means a full catch-up with `since`).
 */
export async function connectRedisFanout(url: string, { maxLen = defaultStreamMaxLen, prefix = 'rasd' }: { maxLen?: number; prefix?: string } = {}): Promise<Fanout> {
  // Commands wait (queued) while Redis is away and go out when it is back: a publish is delayed, not lost.
  const redis = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: true, retryStrategy: (times) => Math.min(times * 200, 2_000) });
  redis.on('error', () => undefined);
  await redis.connect();

  const listeners = new Set<(lostAt: number) => void>();
  let lostAt: number | null = null;
  redis.on('close', () => {
    lostAt ??= Date.now();
  });
  redis.on('ready', () => {
    if (lostAt === null) return;
    const since = lostAt;
    lostAt = null;
    for (const listener of listeners) listener(since);
  });

  return {
    adapter: localFirstWhileDown(
      // Every key and channel under the prefix: two deployments sharing a Redis must not hear each other.
      createAdapter(redis, {
        streamName: `${prefix}:fanout`,
        channelPrefix: `${prefix}:sio`,
        sessionKeyPrefix: `${prefix}:session:`,
        maxLen,
      }),
      () => redis.status === 'ready',
    ),
    // For /readyz: a queued PING would wait for Redis to come back, so a lost connection answers at once.
    ping: async () => {
      if (redis.status !== 'ready') throw new Error(`redis is ${redis.status}`);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('redis ping timed out')), 1_000)));
      return Promise.race([redis.ping(), timeout]).finally(() => clearTimeout(timer));
    },
    onRecovered(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: async () => {
      listeners.clear();
      redis.disconnect();
    },
  };
}

const localOnly = (opts: BroadcastOptions): BroadcastOptions => ({ ...opts, flags: { ...opts.flags, local: true } });

/**
 * The streams adapter delivers a broadcast to this instance's own sockets only after Redis took it,
 * so while Redis is down even the instance that stored a change would keep it from its desks. Then
 * this delivers locally at once and skips Redis: the other instances' desks get those changes from
 * the fan-out repair when Redis is back (fanout-repair.ts). A disconnect (account disabled, logout)
 * also acts locally at once, and is still published for the other instances.
 */
function localFirstWhileDown(factory: (nsp: Namespace) => Adapter, redisReady: () => boolean): ServerOptions['adapter'] {
  function LocalFirstAdapter(nsp: Namespace): Adapter {
    const adapter = factory(nsp);
    const broadcast = adapter.broadcast.bind(adapter);
    adapter.broadcast = (packet, opts) => broadcast(packet, redisReady() ? opts : localOnly(opts));
    const disconnect = adapter.disconnectSockets.bind(adapter);
    adapter.disconnectSockets = (opts, close) => {
      if (!redisReady()) disconnect(localOnly(opts), close);
      disconnect(opts, close);
    };
    return adapter;
  }
  return LocalFirstAdapter as unknown as ServerOptions['adapter'];
}
