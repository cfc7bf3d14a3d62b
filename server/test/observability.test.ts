import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/observability/logger';
import {
  connectDesk,
  connected,
  createTestStore,
  detection,
  ingestSecret,
  login,
  password,
  postDetection,
  startTestServer,
  type TestServer,
  type TestStore,
} from './harness';

const metricsToken = 'scrape-token-0123456789abcdef';
let store: TestStore;
let server: TestServer;
let tokenStore: TestStore;
let tokenServer: TestServer;
const lines: string[] = [];

beforeAll(async () => {
  store = await createTestStore();
  server = await startTestServer(store, {}, createLogger('info', { write: (line: string) => void lines.push(line) }));
  tokenStore = await createTestStore();
  tokenServer = await startTestServer(tokenStore, { RASD_METRICS_TOKEN: metricsToken });
});
afterAll(async () => {
  await server.stop();
  await tokenServer.stop();
  await store.destroy();
  await tokenStore.destroy();
});

const entries = () => lines.map((l) => JSON.parse(l) as Record<string, any>);

describe('logs', () => {
  it('are JSON lines with a request id, echoed to the caller, and never carry credentials', async () => {
    const cookie = await login(server.url, 'officer');
    const sessionId = cookie.split('=')[1]!;
    const posted = await postDetection(server.url, detection());
    expect(posted.status).toBe(201);
    const listed = await fetch(`${server.url}/api/v1/incidents?status=new`, { headers: { cookie, 'x-request-id': 'desk-42.abc' } });
    expect(listed.headers.get('x-request-id')).toBe('desk-42.abc');
    // An id that is not a plain token (here one that would spoof JSON fields) is replaced, not trusted.
    const forged = await fetch(`${server.url}/api/v1/incidents`, { headers: { cookie, 'x-request-id': 'x","evil":"1' } });
    expect(forged.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    await fetch(`${server.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ username: 'officer1', password: 'a wrong password, also secret' }),
    });
    const socket = connectDesk(server.url, cookie);
    await connected(socket);
    socket.close();

    const all = lines.join('\n');
    for (const secret of [password, 'a wrong password, also secret', ingestSecret, sessionId]) expect(all).not.toContain(secret);
    expect(all.toLowerCase()).not.toContain('set-cookie');

    const requests = entries().filter((e) => e.req);
    const list = requests.find((e) => e.req.id === 'desk-42.abc');
    expect(list).toMatchObject({ req: { method: 'GET', path: '/api/v1/incidents' }, res: { statusCode: 200 }, userId: expect.any(String) });
    expect(JSON.stringify(list)).not.toContain('status=new'); // no query strings
    expect(requests.find((e) => e.req.path === '/api/v1/detections')).toMatchObject({ sender: 'cam-gw', res: { statusCode: 201 } });
    expect(requests.find((e) => e.req.path === '/api/v1/session' && e.res.statusCode === 401)).toMatchObject({ level: 40 });
  });

  it('censor credentials handed to the logger by mistake', () => {
    const out: string[] = [];
    const log = createLogger('info', { write: (line: string) => void out.push(line) });
    log.info({ password: 'p1', user: { password: 'p2', token: 't1' }, headers: { cookie: 'c1', authorization: 'Bearer k1' } }, 'oops');
    expect(out.join('')).not.toMatch(/p1|p2|t1|c1|k1/);
    expect(JSON.parse(out[0]!)).toMatchObject({ password: '[redacted]', user: { password: '[redacted]', token: '[redacted]' } });
  });
});

describe('GET /metrics', () => {
  it('serves Prometheus text with ingest, fan-out, client, database and outbox figures to this host', async () => {
    const cookie = await login(server.url, 'dispatcher');
    const socket = connectDesk(server.url, cookie);
    await connected(socket);
    await postDetection(server.url, detection());
    await postDetection(server.url, { nonsense: true });

    const res = await fetch(`${server.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toMatch(/^rasd_ingest_requests_total\{endpoint="detections",status="201"\} [1-9]/m);
    expect(text).toMatch(/^rasd_ingest_requests_total\{endpoint="detections",status="400"\} 1$/m);
    expect(text).toMatch(/^rasd_ingest_duration_seconds_bucket\{le="0\.1",endpoint="detections"\} [1-9]/m);
    expect(text).toMatch(/^rasd_fanout_seconds_count\{stage="emit"\} [1-9]/m);
    expect(text).toMatch(/^rasd_connected_clients\{role="dispatcher"\} 1$/m);
    expect(text).toMatch(/^rasd_db_seconds_count\{op="transaction",outcome="ok"\} [1-9]/m);
    expect(text).toMatch(/^rasd_webhook_lag_changes 0$/m);
    expect(text).toMatch(/^rasd_draining 0$/m);
    expect(text).toMatch(/^process_cpu_seconds_total /m);
    socket.close();
  });

  it('refuses a request relayed by a proxy, and without the token when one is set', async () => {
    expect((await fetch(`${server.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } })).status).toBe(403);
    expect((await fetch(`${server.url}/metrics`, { headers: { forwarded: 'for=203.0.113.9' } })).status).toBe(403);
    expect((await fetch(`${tokenServer.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${tokenServer.url}/metrics`, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401);
    const ok = await fetch(`${tokenServer.url}/metrics`, { headers: { authorization: `Bearer ${metricsToken}`, 'x-forwarded-for': '203.0.113.9' } });
    expect(ok.status).toBe(200);
  });
});
