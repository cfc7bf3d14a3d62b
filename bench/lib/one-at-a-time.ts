import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { makeDetection, makeEventId } from './detection';
import { request } from './server-process';
import { summarize, type Summary } from './stats';

export interface OneAtATime {
  /** POST /api/v1/detections round trips, ms. */
  detection: Summary;
  /** GET /healthz round trips on the same connection, ms: the floor of an HTTP round trip here. */
  healthz: Summary;
}

const timed = async (send: () => Promise<{ status: number; body: string }>, ok: (status: number) => boolean): Promise<number> => {
  const started = performance.now();
  const answer = await send();
  const ms = performance.now() - started;
  if (!ok(answer.status)) throw new Error(`one at a time: HTTP ${answer.status} ${answer.body.slice(0, 200)}`);
  return ms;
};

/**
 * What storing, publishing and answering one detection costs with nothing else going on: each
 * detection is posted when the previous one was answered (so every group commit holds one), and
 * each is followed by a GET /healthz on the same keep-alive connection, measured in the same run.
 */
export async function oneAtATime(server: { url: string; secret: string }, count: number, warmup: number): Promise<OneAtATime> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const runTag = randomBytes(4).toString('hex');
  const detections: number[] = [];
  const healthz: number[] = [];
  try {
    for (let i = 0; i < warmup + count; i++) {
      const body = makeDetection(makeEventId(runTag, 0, { measured: false, second: -1, seq: i, sentUs: 0 }), i, true);
      const posted = await timed(() => request('POST', `${server.url}/api/v1/detections`, body, { authorization: `Bearer ${server.secret}` }, agent), (s) => s === 201);
      const floor = await timed(() => request('GET', `${server.url}/healthz`, undefined, {}, agent), (s) => s === 200);
      if (i < warmup) continue;
      detections.push(posted);
      healthz.push(floor);
    }
  } finally {
    agent.destroy();
  }
  return { detection: summarize(detections), healthz: summarize(healthz) };
}
