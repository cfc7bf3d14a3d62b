import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, login, password, startTestServer, type TestServer, type TestStore } from './harness';

let store: TestStore;
let server: TestServer;

beforeAll(async () => {
  store = await createTestStore();
  server = await startTestServer(store, {
    RASD_USERS: `officer1:officer:${password},victim:officer:${password},commander1:commander:${password},admin1:admin:${password}`,
    RASD_LOGIN_MAX_FAILURES: '3',
    RASD_LOCKOUT_MIN: '1',
    RASD_LOGIN_PER_ADDRESS: '12',
  });
});
afterAll(async () => {
  await server.stop();
  await store.destroy();
});

const attempt = (body: Record<string, string>) =>
  fetch(`${server.url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify(body) });

async function auditActions(): Promise<string[]> {
  return (await server.db.query<{ action: string }>('SELECT action FROM audit_log ORDER BY id')).map((r) => r.action);
}

describe('login throttling', () => {
  it('locks an account after repeated failures, even against the right password, with Retry-After', async () => {
    for (let i = 0; i < 3; i++) expect((await attempt({ username: 'victim', password: 'wrong' })).status).toBe(401);
    const locked = await attempt({ username: 'victim', password });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(locked.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(((await locked.json()) as { error: { code: string } }).error.code).toBe('too_many_requests');
    // Another account is unaffected.
    expect((await attempt({ username: 'officer1', password })).status).toBe(200);
    const actions = await auditActions();
    expect(actions.filter((a) => a === 'session.login_failed')).toHaveLength(3);
    expect(actions).toContain('session.login_locked');
  });

  it('throttles an unknown username the same way, so lockouts do not reveal which accounts exist', async () => {
    for (let i = 0; i < 3; i++) expect((await attempt({ username: 'nobody-here', password: 'x' })).status).toBe(401);
    expect((await attempt({ username: 'nobody-here', password: 'x' })).status).toBe(429);
  });

  it('throttles an address that keeps failing across many usernames', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await attempt({ username: `spray-${i}`, password: 'x' })).status);
    expect(statuses.slice(0, 6).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('TOTP second factor', () => {
  it('enrols a commander with a known secret, then requires the code at login', async () => {
    const own = await createTestStore();
    const s = await startTestServer(own, { RASD_USERS: `commander1:commander:${password},officer1:officer:${password}` });
    const cookie = await login(s.url, 'commander');
    const post = (path: string, body: unknown = {}) =>
      fetch(`${s.url}/api/v1/session/${path}`, { method: 'POST', headers: { cookie, origin: s.url, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const { secret, uri } = (await (await post('totp')).json()) as { secret: string; uri: string };
    expect(uri).toMatch(/^otpauth:\/\/totp\/Rasd:commander1\?/);
    expect((await post('totp/confirm', { code: '000000' })).status).toBe(400);
    expect((await post('totp/confirm', { code: await generate({ secret }) })).status).toBe(204);

    const signIn = (body: Record<string, string>) =>
      fetch(`${s.url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json', origin: s.url }, body: JSON.stringify(body) });
    const without = await signIn({ username: 'commander1', password });
    expect(without.status).toBe(401);
    expect(((await without.json()) as { error: { details: { path: string }[] } }).error.details[0]!.path).toBe('totp');
    expect((await signIn({ username: 'commander1', password, totp: '123456' })).status).toBe(401);
    expect((await signIn({ username: 'commander1', password, totp: await generate({ secret }) })).status).toBe(200);

    const officer = await login(s.url, 'officer');
    expect((await fetch(`${s.url}/api/v1/session/totp`, { method: 'POST', headers: { cookie: officer, origin: s.url } })).status).toBe(403);
    await s.stop();
    await own.destroy();
  });
});
