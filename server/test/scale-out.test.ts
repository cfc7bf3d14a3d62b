import { randomBytes } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApplication, type Application } from '../src/app';
import { loadConfig } from '../src/config';
import type { Database } from '../src/db/database';
import { openPostgres } from '../src/db/postgres';
import { connectRedisFanout, type Fanout } from '../src/realtime/redis-fanout';
import { connectDesk, connected, detection, ingestSecret, nextEvent, postDetection } from './harness';

// Several instances need a real PostgreSQL and Redis: the machine's own services (see .ci/run).
const pgUrl = process.env.RASD_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const redisUrl = process.env.RASD_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const schema = `scale_${randomBytes(5).toString('hex')}`;
const scopedUrl = `${pgUrl}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;

interface Instance {
  url: string;
  app: Application;
  db: Database;
  fanout: Fanout;
}
const instances: Instance[] = [];

async function startInstance(): Promise<Instance> {
  const config = loadConfig({
    DATABASE_URL: scopedUrl,
    REDIS_URL: redisUrl,
    RASD_USERS: [1, 2, 3, 4].map((n) => `officer${n}:officer:correct horse battery`).join(','),
    RASD_INGEST_KEYS: `cam-gw:${ingestSecret}`,
    RASD_CLIENT_DIR: '/nonexistent',
  });
  const db = await openPostgres(scopedUrl);
  const fanout = await connectRedisFanout(redisUrl);
  const app = await createApplication(config, { db, log: pino({ level: 'silent' }), fanout });
  const port = await app.listen(0, '127.0.0.1');
  return { url: `http://127.0.0.1:${port}`, app, db, fanout };
}

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  instances.push(await startInstance(), await startInstance());
});
afterAll(async () => {
  for (const i of instances) {
    await i.app.close();
    await i.fanout.close();
    await i.db.close();
  }
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
});

async function loginAs(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ username, password: 'correct horse battery' }),
  });
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

describe('two instances sharing PostgreSQL and Redis', () => {
  it('deliver a detection posted to one instance to dashboards on the other', async () => {
    const [a, b] = instances as [Instance, Instance];
    const cookie = await loginAs(a.url, 'officer1');
    const onB = connectDesk(b.url, cookie);
    await connected(onB);
    // Let the new instance's stream reader start before publishing.
    await new Promise((r) => setTimeout(r, 300));
    const upsert = nextEvent(onB, 'incident:upsert');
    const { incidentId } = (await (await postDetection(a.url, detection())).json()) as { incidentId: string };
    expect((await upsert).id).toBe(incidentId);
    onB.close();
  });

  it('let exactly one of simultaneous claims across both instances win', async () => {
    const [a, b] = instances as [Instance, Instance];
    const { incidentId } = (await (await postDetection(a.url, detection())).json()) as { incidentId: string };
    const cookies = await Promise.all([1, 2, 3, 4].map((n) => loginAs(a.url, `officer${n}`)));
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        fetch(`${(i % 2 ? a : b).url}/api/v1/incidents/${incidentId}/claim`, { method: 'POST', headers: { cookie: cookies[i % 4]! } }),
      ),
    );
    const holders = new Set<string>();
    for (const r of answers) {
      const body = (await r.json()) as { claimedBy?: { username: string }; error?: { code: string } };
      if (r.status === 200) holders.add(body.claimedBy!.username);
      else expect([r.status, body.error?.code]).toEqual([409, 'already_claimed']);
    }
    expect(holders.size).toBe(1);
    const cookie = cookies[0]!;
    const detail = (await (await fetch(`${b.url}/api/v1/incidents/${incidentId}`, { headers: { cookie } })).json()) as { history: { type: string }[] };
    expect(detail.history.filter((h) => h.type === 'claimed')).toHaveLength(1);
  });

  it('answers a retried eventId as a duplicate whichever instance gets it', async () => {
    const [a, b] = instances as [Instance, Instance];
    // Several rounds: the two instances' transactions race for the locks differently each time.
    for (let round = 0; round < 5; round++) {
      const body = detection();
      const answers = await Promise.all([postDetection(a.url, body), postDetection(b.url, body), postDetection(a.url, body), postDetection(b.url, body)]);
      expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 200, 201]);
    }
  });
});
