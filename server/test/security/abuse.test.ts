import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Incident } from '@rasd/shared';
import { connectDesk, connected, createTestStore, detection, ingestSecret, password, postDetection, startTestServer, type TestServer, type TestStore } from '../harness';
import { recordAttack } from './summary';

let store: TestStore;
let server: TestServer;
const cookies: Record<string, string> = {};

async function signIn(username: string): Promise<string> {
  const res = await fetch(`${server.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ username, password }),
  });
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

beforeAll(async () => {
  store = await createTestStore();
  server = await startTestServer(store, {
    RASD_USERS: ['officer1:officer', 'officer2:officer', 'dispatcher1:dispatcher', 'commander1:commander', 'admin1:admin', 'leaver:officer'].map((u) => `${u}:${password}`).join(','),
    RASD_INGEST_PER_SECOND: '2',
  });
  for (const u of ['officer1', 'officer2', 'admin1', 'leaver']) cookies[u] = await signIn(u);
});
afterAll(async () => {
  await server.stop();
  await store.destroy();
});

const call = (cookie: string, path: string, body: unknown = {}, origin = server.url) =>
  fetch(`${server.url}/api/v1/incidents/${path}`, { method: 'POST', headers: { cookie, origin, 'content-type': 'application/json' }, body: JSON.stringify(body) });
const newIncident = async () => ((await (await postDetection(server.url, detection())).json()) as { incidentId: string }).incidentId;
const forbiddenAudits = async () => Number((await server.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'security.forbidden'"))[0]!.n);

describe('break-in attempts', () => {
  it('refuses tampered, foreign and expired-looking cookies on HTTP and on the socket', async () => {
    const valid = cookies.officer1!;
    const [name, value] = valid.split('=') as [string, string];
    const flipped = `${name}=${value.slice(0, -1)}${value.endsWith('A') ? 'B' : 'A'}`;
    const attempts = [flipped, `${name}=`, `${name}=${'A'.repeat(43)}`, `${name}=../../etc/passwd`, `${name}=${value}; ${name}=evil`, 'rasd_session=%00'];
    let refused = 0;
    for (const cookie of attempts) {
      const res = await fetch(`${server.url}/api/v1/incidents`, { headers: { cookie } });
      if (res.status === 401) refused += 1;
      const socket = connectDesk(server.url, cookie);
      await connected(socket).then(
        () => undefined,
        () => (refused += 1),
      );
      socket.close();
    }
    recordAttack('tampered session cookies (HTTP + socket)', attempts.length * 2, refused, attempts.length * 2 - refused);
    expect(refused).toBe(attempts.length * 2);
  });

  it('refuses a cross-site websocket handshake carrying a valid cookie', async () => {
    let refused = 0;
    for (const origin of ['https://evil.example', 'null', 'http://127.0.0.1.evil.example', `${server.url}.evil.example`]) {
      const socket = connectDesk(server.url, cookies.officer1!, origin);
      await connected(socket).then(
        () => undefined,
        () => (refused += 1),
      );
      socket.close();
    }
    recordAttack('cross-site websocket hijacking', 4, refused, 4 - refused);
    expect(refused).toBe(4);
  });

  it('refuses acting on another officer’s incident (IDOR) and audits each attempt', async () => {
    const id = await newIncident();
    expect((await call(cookies.officer1!, `${id}/claim`)).status).toBe(200);
    const before = await forbiddenAudits();
    const attempts: [string, unknown][] = [
      ['release', {}],
      ['actions', { type: 'arrest', plate: 'ق ص ب ١' }],
      ['handover', { username: 'officer2' }],
    ];
    const statuses = [];
    for (const [path, body] of attempts) statuses.push((await call(cookies.officer2!, `${id}/${path}`, body)).status);
    const claim = await call(cookies.officer2!, `${id}/claim`);
    statuses.push(claim.status);
    expect(statuses).toEqual([403, 403, 403, 409]);
    expect((await forbiddenAudits()) - before).toBe(3);
    recordAttack('IDOR on another officer’s incident', 4, statuses.filter((s) => s >= 400).length, statuses.filter((s) => s < 400).length);
  });

  it('ignores fields a caller must not set', async () => {
    const id = await newIncident();
    const claimed = (await (await call(cookies.officer1!, `${id}/claim`, { claimedBy: { userId: 'x', username: 'officer2' }, status: 'closed' })).json()) as Incident;
    expect(claimed.claimedBy?.username).toBe('officer1');
    expect(claimed.status).toBe('claimed');
    const acted = (await (await call(cookies.officer1!, `${id}/actions`, { type: 'citation', plate: 'ق ١', by: { userId: 'x', username: 'officer2' }, id: 'forged', at: '2000-01-01T00:00:00Z' })).json()) as Incident;
    expect(acted.actions[0]).toMatchObject({ by: { username: 'officer1' } });
    expect(acted.actions[0]!.id).not.toBe('forged');
    expect(acted.actions[0]!.at).not.toBe('2000-01-01T00:00:00Z');
    const selfPromotion = await fetch(`${server.url}/api/v1/users/${claimed.claimedBy!.userId}`, {
      method: 'PATCH',
      headers: { cookie: cookies.officer1!, origin: server.url, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'admin' }),
    });
    expect(selfPromotion.status).toBe(403);
    recordAttack('fields a role must not set', 4, 4, 0);
  });

  it('disconnects a disabled user’s open socket at once and refuses them afterwards', async () => {
    const socket = connectDesk(server.url, cookies.leaver!);
    await connected(socket);
    const gone = new Promise<string>((resolve) => socket.on('disconnect', (reason) => resolve(reason)));
    const users = (await (await fetch(`${server.url}/api/v1/users`, { headers: { cookie: cookies.admin1! } })).json()) as { users: { id: string; username: string }[] };
    const leaver = users.users.find((u) => u.username === 'leaver')!;
    await fetch(`${server.url}/api/v1/users/${leaver.id}`, { method: 'PATCH', headers: { cookie: cookies.admin1!, origin: server.url, 'content-type': 'application/json' }, body: JSON.stringify({ disabled: true }) });
    expect(await gone).toBe('io server disconnect');
    expect((await fetch(`${server.url}/api/v1/incidents`, { headers: { cookie: cookies.leaver! } })).status).toBe(401);
    const again = await fetch(`${server.url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ username: 'leaver', password }) });
    expect(again.status).toBe(401);
    recordAttack('disabled account (socket, session, login)', 3, 3, 0);
  });

  it('refuses an admin disabling or demoting their own account, and changes nothing', async () => {
    const users = (await (await fetch(`${server.url}/api/v1/users`, { headers: { cookie: cookies.admin1! } })).json()) as { users: { id: string; username: string; role: string; disabled: boolean }[] };
    const self = users.users.find((u) => u.username === 'admin1')!;
    let refused = 0;
    for (const change of [{ disabled: true }, { role: 'officer' }]) {
      const res = await fetch(`${server.url}/api/v1/users/${self.id}`, { method: 'PATCH', headers: { cookie: cookies.admin1!, origin: server.url, 'content-type': 'application/json' }, body: JSON.stringify(change) });
      if (res.status === 403 && ((await res.json()) as { error: { code: string } }).error.code === 'forbidden') refused += 1;
    }
    const after = (await (await fetch(`${server.url}/api/v1/users`, { headers: { cookie: cookies.admin1! } })).json()) as typeof users;
    expect(after.users.find((u) => u.id === self.id)).toEqual(self);
    recordAttack('admin locking out their own account', 2, refused, 2 - refused);
    expect(refused).toBe(2);
  });

  it('answers malformed socket events with the error shape and keeps serving', async () => {
    const socket = connectDesk(server.url, cookies.officer1!);
    await connected(socket);
    const bad = [null, 'x', { since: 'NaN' }, { since: -1 }, { since: 1e308 }, { since: { $gt: 0 } }, { __proto__: { since: 1 } }];
    let refused = 0;
    for (const request of bad) {
      const answer = (await socket.timeout(2000).emitWithAck('incidents:since', request as never)) as { error?: { code: string } };
      if (answer.error?.code === 'invalid_input') refused += 1;
    }
    const watch = (await socket.timeout(2000).emitWithAck('presence:watch', { incidentId: 'x'.repeat(10_000) })) as { error?: { code: string } };
    if (watch.error?.code === 'invalid_input') refused += 1;
    const ok = (await socket.timeout(2000).emitWithAck('incidents:since', { since: 0 })) as { data?: unknown };
    expect(ok.data).toBeDefined();
    recordAttack('malformed socket events', bad.length + 1, refused, bad.length + 1 - refused);
    expect(refused).toBe(bad.length + 1);
    socket.close();
  });

  it('answers an ingest flood 429 with Retry-After and stores none of the refused alerts', async () => {
    const bodies = Array.from({ length: 60 }, () => detection());
    const answers = await Promise.all(bodies.map((b) => fetch(`${server.url}/api/v1/detections`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${ingestSecret}` }, body: JSON.stringify(b) })));
    const limited = answers.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited.every((r) => Number(r.headers.get('retry-after')) >= 1)).toBe(true);
    const storedIds = new Set((await server.db.query<{ event_id: string }>('SELECT event_id FROM alerts')).map((r) => r.event_id));
    const leaked = answers.map((r, i) => [r.status, bodies[i]!.eventId] as const).filter(([s, e]) => s === 429 && storedIds.has(e));
    expect(leaked).toEqual([]);
    recordAttack('ingest flood on one key', answers.length, limited.length, leaked.length);
  });
});
