import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@rasd/shared';
import {
  connectDesk,
  connected,
  createTestStore,
  detection,
  login,
  nextEvent,
  postDetection,
  startTestServer,
  type TestServer,
  type TestStore,
} from './harness';

let store: TestStore;
let server: TestServer;
const cookies: Partial<Record<Role, string>> = {};

beforeAll(async () => {
  store = await createTestStore();
  server = await startTestServer(store, {
    RASD_USERS: ['officer', 'dispatcher', 'commander', 'admin'].map((r) => `${r}1:${r}:correct horse battery`).join(',') +
      ',officer2:officer:correct horse battery',
  });
  for (const role of ['officer', 'dispatcher', 'commander', 'admin'] as Role[]) cookies[role] = await login(server.url, role);
});
afterAll(async () => {
  await server.stop();
  await store.destroy();
});

async function loginAs(username: string) {
  const res = await fetch(`${server.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ username, password: 'correct horse battery' }),
  });
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

function call(cookie: string, path: string, body?: unknown) {
  return fetch(`${server.url}/api/v1/incidents/${path}`, {
    method: 'POST',
    headers: { cookie, origin: server.url, 'content-type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
}

async function newIncident(): Promise<string> {
  return ((await (await postDetection(server.url, detection())).json()) as { incidentId: string }).incidentId;
}

describe('claims', () => {
  it('lets exactly one of 50 simultaneous claims win; the losers hear who holds it', async () => {
    const id = await newIncident();
    const contenders = ['officer1', 'officer2', 'dispatcher1', 'commander1'];
    const jars = await Promise.all(contenders.map(loginAs));
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => call(jars[i % jars.length]!, `${id}/claim`)));
    const bodies = await Promise.all(answers.map((r) => r.json() as any));
    const winners = answers.map((r, i) => [r.status, bodies[i]] as const).filter(([s]) => s === 200);
    const holder = winners[0]![1].claimedBy.username;
    // The winner's own repeated claims also answer 200: all winners are one user.
    expect(new Set(winners.map(([, b]) => b.claimedBy.username))).toEqual(new Set([holder]));
    for (const [i, r] of answers.entries()) {
      if (r.status === 200) continue;
      expect(r.status).toBe(409);
      expect(bodies[i].error).toMatchObject({ code: 'already_claimed', details: [{ path: 'claimedBy', message: holder }] });
    }
    const detail = await (await fetch(`${server.url}/api/v1/incidents/${id}`, { headers: { cookie: jars[0]! } })).json() as any;
    expect(detail.history.filter((h: { type: string }) => h.type === 'claimed')).toHaveLength(1);
  });

  it('shows every dashboard who holds what, live', async () => {
    const id = await newIncident();
    const watcher = connectDesk(server.url, cookies.commander!);
    await connected(watcher);
    const upsert = nextEvent(watcher, 'incident:upsert');
    expect((await call(cookies.officer!, `${id}/claim`)).status).toBe(200);
    expect(await upsert).toMatchObject({ id, status: 'claimed', claimedBy: { username: 'officer1' } });
    watcher.close();
  });

  it('releases by the holder or a commander only, and hands over and takes over', async () => {
    const id = await newIncident();
    await call(cookies.officer!, `${id}/claim`);
    expect((await call(cookies.dispatcher!, `${id}/release`)).status).toBe(403);
    const handed = await call(cookies.officer!, `${id}/handover`, { username: 'officer2' });
    expect(handed.status).toBe(200);
    expect((await handed.json() as any).claimedBy.username).toBe('officer2');
    expect((await call(cookies.officer!, `${id}/handover`, { username: 'dispatcher1' })).status).toBe(403);
    expect((await call(cookies.commander!, `${id}/handover`, { username: 'nobody' })).status).toBe(400);
    const taken = await call(cookies.commander!, `${id}/takeover`);
    expect((await taken.json() as any).claimedBy.username).toBe('commander1');
    expect((await call(cookies.officer!, `${id}/takeover`)).status).toBe(403);
    const released = await call(cookies.commander!, `${id}/release`);
    expect(await released.json()).toMatchObject({ status: 'new', claimedBy: null });
  });
});

describe('legal actions', () => {
  it('records an arrest by the holder, refuses others, and answers 201 with the incident', async () => {
    const id = await newIncident();
    // Unclaimed: the lifecycle goes through a claim first.
    expect((await call(cookies.officer!, `${id}/actions`, { type: 'arrest', plate: 'ق ص ب 1234' })).status).toBe(409);
    await call(cookies.officer!, `${id}/claim`);
    const res = await call(cookies.officer!, `${id}/actions`, { type: 'arrest', plate: 'قصب١٢٣٤', notes: 'stopped at the Maadi exit' });
    expect(res.status).toBe(201);
    const incident = await res.json() as any;
    expect(incident.status).toBe('actioned');
    expect(incident.actions).toEqual([
      expect.objectContaining({ type: 'arrest', plate: 'ق ص ب ١٢٣٤', notes: 'stopped at the Maadi exit', by: expect.objectContaining({ username: 'officer1' }) }),
    ]);
    expect((await call(cookies.dispatcher!, `${id}/actions`, { type: 'citation', plate: 'ق ١' })).status).toBe(403);
    const referral = await call(cookies.officer!, `${id}/actions`, { type: 'prosecution_referral', caseNumber: '1234 لسنة 2026 جنح مدينة نصر' });
    expect(referral.status).toBe(201);
  });

  it('answers an incomplete or malformed action 400 with details and changes nothing', async () => {
    const id = await newIncident();
    await call(cookies.officer!, `${id}/claim`);
    const before = await (await fetch(`${server.url}/api/v1/incidents/${id}`, { headers: { cookie: cookies.officer! } })).json();
    for (const [body, paths] of [
      [{ type: 'prosecution_referral' }, ['caseNumber']],
      [{ type: 'arrest', plate: 'XYZ 12' }, ['plate']],
      [{ type: 'teleport' }, ['type']],
      [{ type: 'no_action' }, ['notes']],
      [{ type: 'prosecution_referral', caseNumber: '<b>x</b>' }, ['caseNumber']],
    ] as const) {
      const res = await call(cookies.officer!, `${id}/actions`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await res.json() as any).error.details.map((d: { path: string }) => d.path)).toEqual(paths);
    }
    expect(await (await fetch(`${server.url}/api/v1/incidents/${id}`, { headers: { cookie: cookies.officer! } })).json()).toEqual(before);
  });

  it('answers an illegal transition 409 invalid_transition', async () => {
    const id = await newIncident();
    const res = await call(cookies.officer!, `${id}/verify`, { verdict: 'verified' });
    expect(res.status).toBe(409);
    expect((await res.json() as any).error.code).toBe('invalid_transition');
    expect((await call(cookies.officer!, `nope/claim`)).status).toBe(404);
  });
});

describe('audit', () => {
  it('verifies the chain, then names an entry edited directly in the database', async () => {
    const ok = await (await fetch(`${server.url}/api/v1/audit/verify`, { headers: { cookie: cookies.commander! } })).json() as any;
    expect(ok.ok).toBe(true);
    expect(ok.entries).toBeGreaterThan(10);
    await expect(server.db.query("UPDATE audit_log SET actor = 'someone-else' WHERE id = 5")).rejects.toThrow(/append-only/);
    await expect(server.db.query('DELETE FROM audit_log WHERE id = 5')).rejects.toThrow(/append-only/);
    // Someone with the database owner's rights switches the guard off and edits a row.
    await server.db.exec("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'someone-else' WHERE id = 5");
    const bad = await (await fetch(`${server.url}/api/v1/audit/verify`, { headers: { cookie: cookies.admin! } })).json() as any;
    expect(bad).toEqual({ ok: false, firstBadEntry: { id: 5, reason: 'content does not match its hash' } });
  });
});
