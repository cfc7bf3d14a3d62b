import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Redis } from 'ioredis';
import type { ServerOptions } from 'socket.io';

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
    // Every key and channel under the prefix: two deployments sharing a Redis must not hear each other.
    adapter: createAdapter(redis, {
      streamName: `${prefix}:fanout`,
      channelPrefix: `${prefix}:sio`,
      sessionKeyPrefix: `${prefix}:session:`,
      maxLen,
    }) as ServerOptions['adapter'],
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
