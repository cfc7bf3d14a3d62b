import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@rasd/shared';
import { detection, login, postDetection, useTestServer } from './harness';

const cookies: Partial<Record<Role, string>> = {};
const roles: Role[] = ['officer', 'dispatcher', 'commander', 'admin'];

const server = useTestServer();
beforeAll(async () => {
  for (const role of roles) cookies[role] = await login(server.url, role);
});

type Who = Role | 'anonymous';
interface RouteCase {
  name: string;
  method: string;
  path: (id: string) => string;
  body?: unknown;
  /** The status each caller gets on a fresh incident: written out by hand, not derived from the matrix. */
  expect: Record<Who, number>;
}

const O = 'officer', D = 'dispatcher', C = 'commander', A = 'admin';
const allow = (ok: number, who: Role[], otherwise = 403): Record<Who, number> => ({
  anonymous: 401,
  officer: who.includes(O) ? ok : otherwise,
  dispatcher: who.includes(D) ? ok : otherwise,
  commander: who.includes(C) ? ok : otherwise,
  admin: who.includes(A) ? ok : otherwise,
});

const shiftAt = new Date().toISOString();
const routes: RouteCase[] = [
  { name: 'list incidents', method: 'GET', path: () => '/api/v1/incidents', expect: allow(200, [O, D, C, A]) },
  { name: 'one incident', method: 'GET', path: (id) => `/api/v1/incidents/${id}`, expect: allow(200, [O, D, C, A]) },
  { name: 'claim', method: 'POST', path: (id) => `/api/v1/incidents/${id}/claim`, expect: allow(200, [O, D, C]) },
  // Unclaimed incident: those allowed to release hear the lifecycle's refusal.
  { name: 'release', method: 'POST', path: (id) => `/api/v1/incidents/${id}/release`, expect: allow(409, [O, D, C]) },
  { name: 'take over', method: 'POST', path: (id) => `/api/v1/incidents/${id}/takeover`, expect: allow(200, [C]) },
  { name: 'hand over', method: 'POST', path: (id) => `/api/v1/incidents/${id}/handover`, body: { username: 'officer1' }, expect: { ...allow(403, [O, D, C]), commander: 200 } },
  { name: 'verify (camera incident)', method: 'POST', path: (id) => `/api/v1/incidents/${id}/verify`, body: { verdict: 'verified' }, expect: allow(409, [O, C]) },
  { name: 'legal action (unclaimed)', method: 'POST', path: (id) => `/api/v1/incidents/${id}/actions`, body: { type: 'arrest', plate: 'ق ص ب ١' }, expect: allow(409, [O, D, C]) },
  { name: 'close (not actioned)', method: 'POST', path: (id) => `/api/v1/incidents/${id}/close`, expect: allow(409, [O, D, C]) },
  { name: 'user directory', method: 'GET', path: () => '/api/v1/users', expect: allow(200, [O, D, C, A]) },
  { name: 'create user', method: 'POST', path: () => '/api/v1/users', body: { username: 'x', role: 'officer', password: 'short' }, expect: allow(400, [A]) },
  { name: 'update user', method: 'PATCH', path: () => '/api/v1/users/nope', body: { disabled: true }, expect: allow(404, [A]) },
  { name: 'audit verify', method: 'GET', path: () => '/api/v1/audit/verify', expect: allow(200, [C, A]) },
  { name: 'shift summary', method: 'GET', path: () => '/api/v1/shifts/summary', expect: allow(200, [C, A]) },
  { name: 'wall stats', method: 'GET', path: () => '/api/v1/wall/stats', expect: allow(200, [O, D, C, A]) },
  { name: 'CSV export', method: 'GET', path: () => '/api/v1/incidents.csv?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z', expect: allow(200, [C, A]) },
  { name: 'GeoJSON', method: 'GET', path: () => '/api/v1/incidents.geojson', expect: allow(200, [O, D, C, A]) },
  { name: 'webhooks', method: 'GET', path: () => '/api/v1/webhooks', expect: allow(200, [C, A]) },
  { name: 'register webhook (bad)', method: 'POST', path: () => '/api/v1/webhooks', body: { url: 'x' }, expect: allow(400, [C, A]) },
  { name: 'who am I', method: 'GET', path: () => '/api/v1/session', expect: allow(200, [O, D, C, A]) },
  // The commander's page, in order: a handover is written, submitted, then refused to its own submitter.
  { name: 'shift report', method: 'GET', path: () => '/api/v1/shifts/report', expect: allow(200, [C, A]) },
  { name: 'shift handover', method: 'GET', path: () => '/api/v1/shifts/handover', expect: allow(200, [C, A]) },
  { name: 'handover notes', method: 'PUT', path: () => '/api/v1/shifts/handover', body: { at: shiftAt, notes: 'ملاحظات' }, expect: allow(200, [C]) },
  { name: 'submit handover', method: 'POST', path: () => '/api/v1/shifts/handover/submit', body: { at: shiftAt }, expect: allow(200, [C]) },
  { name: 'acknowledge own handover', method: 'POST', path: () => '/api/v1/shifts/handover/acknowledge', body: { at: shiftAt }, expect: allow(409, [C]) },
  { name: 'press statement', method: 'GET', path: () => '/api/v1/shifts/press', expect: allow(200, [C]) },
  { name: 'export unapproved press statement', method: 'GET', path: () => `/api/v1/shifts/press/export?at=${encodeURIComponent(shiftAt)}`, expect: allow(409, [C]) },
  { name: 'save press statement', method: 'PUT', path: () => '/api/v1/shifts/press', body: { at: shiftAt, ar: 'نص', en: 'text' }, expect: allow(200, [C]) },
  { name: 'approve press statement', method: 'POST', path: () => '/api/v1/shifts/press/approve', body: { at: shiftAt }, expect: allow(200, [C]) },
  { name: 'export press statement', method: 'GET', path: () => `/api/v1/shifts/press/export?at=${encodeURIComponent(shiftAt)}`, expect: allow(200, [C]) },
  { name: 'history search', method: 'GET', path: () => '/api/v1/history/incidents?kind=wrong_way', expect: allow(200, [C, A]) },
  { name: 'history CSV', method: 'GET', path: () => '/api/v1/history/incidents.csv?corridorId=ring_road', expect: allow(200, [C, A]) },
];

describe('the permission matrix, walked route by route and role by role', () => {
  for (const route of routes) {
    it(`${route.method} ${route.name}`, async () => {
      const seen: Record<string, number> = {};
      for (const who of ['anonymous', ...roles] as Who[]) {
        // A fresh incident per caller, so one caller's claim does not change the next one's answer.
        const { incidentId } = (await (await postDetection(server.url, detection())).json()) as { incidentId: string };
        const res = await fetch(`${server.url}${route.path(incidentId)}`, {
          method: route.method,
          headers: {
            origin: server.url,
            'content-type': 'application/json',
            ...(who === 'anonymous' ? {} : { cookie: cookies[who]! }),
          },
          ...(route.method === 'GET' ? {} : { body: JSON.stringify(route.body ?? {}) }),
        });
        seen[who] = res.status;
        if (res.status >= 400) {
          const body = (await res.json()) as { error?: { code: string } };
          expect(body.error?.code, `${who} → ${res.status}`).toBeTypeOf('string');
        }
      }
      expect(seen).toEqual(route.expect);
    });
  }

  it('refuses a state change from a foreign Origin even with a valid session', async () => {
    const { incidentId } = (await (await postDetection(server.url, detection())).json()) as { incidentId: string };
    const res = await fetch(`${server.url}/api/v1/incidents/${incidentId}/claim`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', cookie: cookies.officer! },
    });
    expect(res.status).toBe(403);
  });
});

describe('accounts', () => {
  it('lets an admin create, reset and disable a user; a disabled user is logged out at once', async () => {
    const admin = { cookie: cookies.admin!, origin: server.url, 'content-type': 'application/json' };
    const created = await fetch(`${server.url}/api/v1/users`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ username: 'new.officer', role: 'officer', password: 'a long enough pass' }),
    });
    expect(created.status).toBe(201);
    const { user } = (await created.json()) as { user: Record<string, unknown> };
    expect(user).toEqual({ id: expect.any(String), username: 'new.officer', role: 'officer', disabled: false });
    const res = await fetch(`${server.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ username: 'new.officer', password: 'a long enough pass' }),
    });
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    expect((await fetch(`${server.url}/api/v1/session`, { headers: { cookie } })).status).toBe(200);
    const disabled = await fetch(`${server.url}/api/v1/users/${user.id}`, { method: 'PATCH', headers: admin, body: JSON.stringify({ disabled: true }) });
    expect(disabled.status).toBe(200);
    expect((await fetch(`${server.url}/api/v1/session`, { headers: { cookie } })).status).toBe(401);
    const list = JSON.stringify(await (await fetch(`${server.url}/api/v1/users`, { headers: { cookie: cookies.admin! } })).json());
    expect(list).not.toMatch(/password|scrypt/);
  });
});
