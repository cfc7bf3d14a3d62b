import { describe, expect, it } from 'vitest';
import { login, password, useTestServer } from './harness';


const server = useTestServer();

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url, ...headers },
    body: JSON.stringify(body),
  });

describe('sessions', () => {
  it('logs a bootstrap user in with an httpOnly SameSite cookie', async () => {
    const res = await post({ username: 'commander1', password });
    expect(res.status).toBe(200);
    expect(await res.json() as any).toEqual({ user: { id: expect.any(String), username: 'commander1', role: 'commander' } });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^rasd_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
  });

  it('answers 401 for a wrong password and for an unknown user, alike', async () => {
    for (const body of [{ username: 'officer1', password: 'wrong' }, { username: 'ghost', password }]) {
      const res = await post(body);
      expect(res.status).toBe(401);
      expect((await res.json() as any).error).toEqual({ code: 'unauthorized', message: 'wrong username or password' });
    }
  });

  it('answers 400 with details for a malformed login', async () => {
    const res = await post({ username: '' });
    expect(res.status).toBe(400);
    expect((await res.json() as any).error.details.map((d: { path: string }) => d.path).sort()).toEqual(['password', 'username']);
  });

  it('refuses a login posted from a foreign Origin with 403', async () => {
    const res = await post({ username: 'officer1', password }, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect((await res.json() as any).error.code).toBe('forbidden');
  });

  it('knows the user by the cookie until logout, then answers 401', async () => {
    const cookie = await login(server.url, 'officer');
    const me = await fetch(`${server.url}/api/v1/session`, { headers: { cookie } });
    expect((await me.json() as any).user.username).toBe('officer1');
    const out = await fetch(`${server.url}/api/v1/session`, { method: 'DELETE', headers: { cookie, origin: server.url } });
    expect(out.status).toBe(204);
    expect((await fetch(`${server.url}/api/v1/session`, { headers: { cookie } })).status).toBe(401);
    expect((await fetch(`${server.url}/api/v1/incidents`, { headers: { cookie } })).status).toBe(401);
  });

  it('issues a new session id at each login', async () => {
    expect(await login(server.url, 'officer')).not.toEqual(await login(server.url, 'officer'));
  });
});

describe('service endpoints', () => {
  it('answers /healthz and /readyz', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json() as any).toEqual({ ok: true, checks: { database: 'ok' } });
  });

  it('serves an OpenAPI document generated from the shared schemas', async () => {
    const doc = await (await fetch(`${server.url}/api/openapi.json`)).json() as any;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/detections', '/api/v1/session', '/api/v1/incidents', '/api/v1/incidents/{id}']));
    const detection = doc.components.schemas.Detection;
    expect(detection.required).toEqual(expect.arrayContaining(['eventId', 'cameraId', 'kind', 'observedAt', 'location']));
    expect(detection.properties.kind.enum).toContain('wrong_way');
    expect(detection.properties.eventId.maxLength).toBe(200);
  });

  it('answers unknown API paths with the error shape', async () => {
    const res = await fetch(`${server.url}/api/v1/nothing`);
    expect(res.status).toBe(404);
    expect((await res.json() as any).error.code).toBe('not_found');
  });

  it('refuses an incident list with a bad since, and an unknown incident', async () => {
    const cookie = await login(server.url, 'dispatcher');
    const bad = await fetch(`${server.url}/api/v1/incidents?since=-1`, { headers: { cookie } });
    expect(bad.status).toBe(400);
    expect((await bad.json() as any).error.details[0].path).toBe('since');
    expect((await fetch(`${server.url}/api/v1/incidents/nope`, { headers: { cookie } })).status).toBe(404);
  });
});
