import { createServer, type Server } from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Webhook, WebhookDelivery } from '@rasd/shared';
import { verifySignature } from '../src/domain/webhook-signature';
import { createTestStore, detection, login, postDetection, startTestServer, useTestServer } from './harness';

let commander: string;

interface Received {
  event: string;
  body: { id: string; event: string; incident: { id: string } };
  signed: boolean;
}

/** A local endpoint that answers from a script of statuses and checks every signature. */
function receiver(statuses: number[], secretOf: () => string) {
  const received: Received[] = [];
  const srv: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      received.push({ event: String(req.headers['x-rasd-event']), body: JSON.parse(raw), signed: verifySignature(secretOf(), raw, String(req.headers['x-rasd-signature']), new Date()) });
      res.statusCode = statuses.length > 1 ? statuses.shift()! : statuses[0]!;
      res.end();
    });
  });
  return {
    received,
    url: () => new Promise<string>((resolve) => srv.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(srv.address() as { port: number }).port}/hook`))),
    close: () => new Promise<void>((resolve) => srv.close(() => resolve())),
  };
}

const server = useTestServer({ RASD_WEBHOOK_ALLOW_HTTP: 'true', RASD_WEBHOOK_RETRY_BASE_MS: '100', RASD_WEBHOOK_MAX_FAILURES: '3' });
beforeAll(async () => {
  commander = await login(server.url, 'commander');
});

const api = (path: string, method = 'GET', body?: unknown) =>
  fetch(`${server.url}/api/v1/${path}`, { method, headers: { cookie: commander, origin: server.url, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });

async function until<T>(check: () => Promise<T | undefined>, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('webhooks', () => {
  it('delivers signed events for the chosen kinds, retrying with backoff until the endpoint answers', async () => {
    let secret = '';
    const endpoint = receiver([500, 503, 200], () => secret);
    const registered = await api('webhooks', 'POST', { url: await endpoint.url(), events: ['incident.created', 'incident.actioned'] });
    expect(registered.status).toBe(201);
    const { webhook, secret: s } = (await registered.json()) as { webhook: Webhook; secret: string };
    secret = s;
    expect(secret.length).toBeGreaterThan(30);

    const { incidentId } = (await (await postDetection(server.url, detection())).json()) as { incidentId: string };
    await until(async () => (endpoint.received.length >= 3 ? true : undefined));
    expect(endpoint.received.map((r) => [r.event, r.body.incident.id, r.signed])).toEqual([
      ['incident.created', incidentId, true],
      ['incident.created', incidentId, true],
      ['incident.created', incidentId, true],
    ]);
    // A claim is an update, which this endpoint did not ask for; the arrest is.
    const officer = await login(server.url, 'officer');
    const post = (path: string, body: unknown = {}) => fetch(`${server.url}/api/v1/incidents/${incidentId}/${path}`, { method: 'POST', headers: { cookie: officer, origin: server.url, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    await post('claim');
    await post('actions', { type: 'arrest', plate: 'ق ص ب ١٢٣٤' });
    await until(async () => (endpoint.received.length >= 4 ? true : undefined));
    expect(endpoint.received.slice(3).map((r) => r.event)).toEqual(['incident.actioned']);

    const log = (await (await api(`webhooks/${webhook.id}/deliveries`)).json()) as { deliveries: WebhookDelivery[] };
    expect(log.deliveries.map((d) => [d.event, d.status, d.attempt]).reverse()).toEqual([
      ['incident.created', 500, 1],
      ['incident.created', 503, 2],
      ['incident.created', 200, 3],
      ['incident.actioned', 200, 1],
    ]);
    await endpoint.close();
  });

  it('disables a dead endpoint after the configured failures, and audits it', async () => {
    const dead = receiver([500], () => 'unused');
    const { webhook } = (await (await api('webhooks', 'POST', { url: await dead.url(), events: ['incident.created'] })).json()) as { webhook: Webhook };
    await postDetection(server.url, detection());
    const disabled = await until(async () => {
      const { webhooks } = (await (await api('webhooks')).json()) as { webhooks: Webhook[] };
      const hook = webhooks.find((w) => w.id === webhook.id)!;
      return hook.active ? undefined : hook;
    });
    expect(disabled.consecutiveFailures).toBe(3);
    // The admin page shows when a failing endpoint is tried again.
    expect(Date.parse(disabled.nextAttemptAt!)).toBeGreaterThan(Date.parse(disabled.createdAt));
    expect(dead.received).toHaveLength(3);
    const reenabled = (await (await api(`webhooks/${webhook.id}`, 'PATCH', { active: true })).json()) as { webhook: Webhook };
    expect(reenabled.webhook).toMatchObject({ active: true, consecutiveFailures: 0 });
    await api(`webhooks/${webhook.id}`, 'PATCH', { active: false });
    await dead.close();
  });

  it('refuses bad registrations and other roles', async () => {
    const bad = await api('webhooks', 'POST', { url: 'ftp://x', events: ['incident.deleted'] });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { details: { path: string }[] } }).error.details.map((d) => d.path).sort()).toEqual(['events.0', 'url']);
    const officer = await login(server.url, 'officer');
    expect((await fetch(`${server.url}/api/v1/webhooks`, { headers: { cookie: officer } })).status).toBe(403);
  });

  it('requires HTTPS unless explicitly allowed', async () => {
    const own = await createTestStore();
    const strict = await startTestServer(own);
    const cookie = await login(strict.url, 'admin');
    const res = await fetch(`${strict.url}/api/v1/webhooks`, {
      method: 'POST',
      headers: { cookie, origin: strict.url, 'content-type': 'application/json' },
      body: JSON.stringify({ url: 'http://127.0.0.1:9/hook', events: ['incident.created'] }),
    });
    expect(res.status).toBe(400);
    await strict.stop();
    await own.destroy();
  });
});
