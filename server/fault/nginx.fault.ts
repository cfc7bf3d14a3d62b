import { request } from 'node:https';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestSecret, officers, userPassword } from './support/cluster';
import { Desk } from './support/desk';
import { metricValue, printFigures } from './support/figures';
import { nginxBinary, startNginx, type RunningNginx } from './support/nginx';
import { detection } from './support/producer';
import { useCluster } from './support/use-cluster';

let nginx: RunningNginx;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** HTTPS through nginx, trusting only the test's own certificate. */
function call(path: string, { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  const url = new URL(path, nginx.httpsUrl);
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: { origin: nginx.httpsUrl, ...headers }, ca: nginx.ca }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const postDetection = () =>
  call('/api/v1/detections', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${ingestSecret}` }, body: JSON.stringify(detection('nginx')) });

describe.skipIf(!nginxBinary)('the documented nginx configuration (docs/deploy/nginx-rasd.conf)', () => {
  const cluster = useCluster({ RASD_TRUST_PROXY: 'loopback' });
  beforeAll(async () => {
    nginx = await startNginx([cluster.a.port, cluster.b.port]);
    cluster.onTeardown(() => nginx.stop());
  });

  it('serves the API and the live socket over TLS in front of two instances, and survives losing one', async () => {
    const { a, b } = cluster;
    const ready = await call('/readyz');
    const redirect = await fetch(`${nginx.httpUrl}/readyz`, { redirect: 'manual' });
    const metrics = await call('/metrics');
    const login = await call('/api/v1/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: officers[0], password: userPassword }) });
    const cookie = String(login.headers['set-cookie']?.[0] ?? '').split(';')[0]!;

    // A desk as the dashboard behaves: live events, and a catch-up with `since` on every connect.
    const seq = JSON.parse((await call(`/api/v1/incidents?since=${Number.MAX_SAFE_INTEGER}`, { headers: { cookie } })).body) as { seq: number };
    const desk = new Desk('behind-nginx', nginx.httpsUrl, cookie, seq.seq, { ca: nginx.ca });
    await desk.ready();
    const waitFor = async (id: string) => {
      for (let i = 0; i < 200 && !desk.seqOf.has(id); i++) await new Promise((r) => setTimeout(r, 50));
      return desk.seqOf.has(id);
    };

    // Ingest through nginx lands on either instance; the socket hears it whichever that was.
    const posts = await Promise.all(Array.from({ length: 10 }, postDetection));
    const ids = posts.map((p) => (JSON.parse(p.body) as { incidentId: string }).incidentId);
    const allLive = (await Promise.all(ids.map(waitFor))).every(Boolean);

    // The instance holding the desk's socket dies: nginx moves on to the other, the desk reconnects through it.
    const victim = (await metricValue(a.url, 'rasd_connected_clients{role="officer"}')) > 0 ? a : b;
    victim.signal('SIGKILL');
    await victim.exited;
    const afterLoss = await Promise.all(Array.from({ length: 10 }, postDetection));
    const afterIds = afterLoss.filter((p) => p.status === 201).map((p) => (JSON.parse(p.body) as { incidentId: string }).incidentId);
    const afterLossOnDesk = (await Promise.all(afterIds.map(waitFor))).filter(Boolean).length;
    const { connects } = desk.report();
    desk.close();

    printFigures('nginx (Debian package) with the documented site file, two instances behind it', {
      '/readyz over TLS': ready.status,
      'plain HTTP': `${redirect.status} → ${redirect.headers.get('location')}`,
      '/metrics through nginx': metrics.status,
      'X-Request-Id from nginx, echoed by Rasd': ready.headers['x-request-id'],
      'login': login.status,
      'detections before the loss (2xx, on the desk)': `${posts.filter((p) => p.status === 201).length}, ${allLive ? 'all' : 'not all'}`,
      'killed the desk\'s instance': victim.name,
      'after SIGKILL of one instance (2xx; on the desk, which reconnected through nginx)': `${afterIds.length}; ${afterLossOnDesk}, connects ${connects}`,
    });

    expect(ready.status).toBe(200);
    expect(redirect.status).toBe(301);
    expect(metrics.status).toBe(404);
    expect(ready.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
    expect(login.status).toBe(200);
    expect(allLive).toBe(true);
    expect(afterIds).toHaveLength(10);
    expect(afterLossOnDesk).toBe(10);
    expect(connects).toBe(2);
  });
});
