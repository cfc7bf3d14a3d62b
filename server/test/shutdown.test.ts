import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDesk, connected, createTestStore, detection, ingestSecret, login, startTestServer, type TestServer, type TestStore } from './harness';

let store: TestStore;
let server: TestServer;

beforeAll(async () => {
  store = await createTestStore();
  server = await startTestServer(store, { RASD_SHUTDOWN_DELAY_S: '0.6', RASD_DRAIN_TIMEOUT_S: '10' });
});
afterAll(async () => {
  await server.db.close();
  await store.destroy();
});

/** Starts a detection POST and sends only half its body: a request the server has begun but not finished. */
function halfSentDetection(url: string) {
  const body = JSON.stringify(detection());
  const { port } = new URL(url);
  const req = request({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: '/api/v1/detections',
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${ingestSecret}` },
  });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
  });
  req.write(body.slice(0, 40));
  return { finish: () => req.end(body.slice(40)), answer };
}

describe('graceful shutdown', () => {
  it('says not ready, stops taking connections, finishes requests in flight, then closes the sockets', async () => {
    const cookie = await login(server.url, 'officer');
    const socket = connectDesk(server.url, cookie);
    await connected(socket);
    const disconnected = new Promise<string>((resolve) => socket.on('disconnect', (reason) => resolve(reason)));

    const inFlight = halfSentDetection(server.url);
    await new Promise((r) => setTimeout(r, 200));
    const closing = server.app.close();

    // The delay for load balancers that poll /readyz: still listening, but not ready.
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { error: { message: string } }).error.message).toBe('shutting down');
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    // Then the listener closes: a new connection is refused, so a balancer retries another instance.
    await new Promise((r) => setTimeout(r, 800));
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    expect(socket.connected).toBe(true); // sockets close only once requests have drained

    inFlight.finish();
    const answer = await inFlight.answer;
    expect(answer.status).toBe(201);
    expect(await closing).toBe(true);
    expect(await disconnected).toBeTruthy();

    const { alertId } = JSON.parse(answer.body) as { alertId: string };
    const rows = await server.db.query('SELECT id FROM alerts WHERE id = $1', [alertId]);
    expect(rows).toHaveLength(1);
    socket.close();
  });
});
