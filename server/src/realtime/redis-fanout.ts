import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Redis } from 'ioredis';
import type { ServerOptions } from 'socket.io';

export interface Fanout {
  adapter: ServerOptions['adapter'];
  ping(): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * Fan-out across instances through one Redis stream. Streams, not pub/sub: after a Redis blip the
 * adapter resumes from its last stream id, so packets for other instances are not dropped.
 * `maxLen` bounds the stream: at 1,000 events/s, 100,000 entries keep about 100 s of catch-up, far
 * more than a Redis restart takes; anything older is recovered by clients through `since`.
 */
export async function connectRedisFanout(url: string, maxLen = 100_000): Promise<Fanout> {
  const redis = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: true });
  redis.on('error', () => undefined);
  await redis.connect();
  return {
    adapter: createAdapter(redis, { streamName: 'rasd:fanout', maxLen }) as ServerOptions['adapter'],
    ping: () => redis.ping(),
    close: async () => {
      redis.disconnect();
    },
  };
}
