import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { detection, ingestSecret, login, useTestServer } from '../harness';
import { recordAttack } from './summary';

let officer: string;
let incidentId: string;

const server = useTestServer();
beforeAll(async () => {
  officer = await login(server.url, 'officer');
  const res = await fetch(`${server.url}/api/v1/detections`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ingestSecret}` },
    body: JSON.stringify(detection()),
  });
  incidentId = ((await res.json()) as { incidentId: string }).incidentId;
  await fetch(`${server.url}/api/v1/incidents/${incidentId}/claim`, { method: 'POST', headers: { cookie: officer } });
});

const hostileStrings = [
  '__proto__', 'constructor', 'prototype', '\u202Eevil\u202C', '\u200B\u200C\u200D\uFEFF', '<img src=x onerror=alert(1)>',
  'javascript:alert(1)', "'; DROP TABLE incidents; --", '\uD800', '%00', 'NaN', 'Infinity', '-0', '1e309', '\u0000', 'x'.repeat(70_000),
];
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...hostileStrings),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -Number.MAX_VALUE, 1e308, -1, 0, 0.5, 361, 91, -181, 2 ** 53 + 1),
  fc.constantFrom(null, true, [], {}, [[[[[[[[[[[]]]]]]]]]]]),
  fc.string(),
  fc.double(),
  fc.json().map((j) => JSON.parse(j) as unknown),
);

/** A valid body with some fields replaced, dropped, or polluted. */
function mutated(valid: Record<string, unknown>) {
  return fc
    .record({
      replace: fc.dictionary(fc.constantFrom(...Object.keys(valid), 'extra', '__proto__', 'constructor'), hostileValue, { maxKeys: 3 }),
      drop: fc.subarray(Object.keys(valid), { maxLength: 2 }),
    })
    .map(({ replace, drop }) => {
      const body: Record<string, unknown> = { ...valid };
      for (const k of drop) delete body[k];
      for (const [k, v] of Object.entries(replace)) Object.defineProperty(body, k, { value: v, enumerable: true, writable: true, configurable: true });
      return JSON.stringify(body);
    });
}

/** Hand-made raw bodies JSON generators will not produce: deep nesting, prototype keys, broken UTF-8. */
const rawBodies: (string | Uint8Array)[] = [
  '{"__proto__": {"polluted": true}, "eventId": "p1"}',
  '{"constructor": {"prototype": {"polluted": true}}}',
  '['.repeat(5000) + ']'.repeat(5000),
  '{"a":'.repeat(3000) + '1' + '}'.repeat(3000),
  new Uint8Array([0x7b, 0x22, 0x65, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]),
  '{"eventId": "x", "kind": "wrong_way", "location": {"lat": NaN, "lon": Infinity}}',
  'null',
  '"just a string"',
  '',
];

async function counts() {
  const [row] = await server.db.query<{ incidents: number; alerts: number }>(
    'SELECT (SELECT count(*) FROM incidents)::int AS incidents, (SELECT count(*) FROM alerts)::int AS alerts',
  );
  return row!;
}

interface Target {
  name: string;
  path: string;
  headers: () => Record<string, string>;
  valid: Record<string, unknown>;
}

const targets: Target[] = [
  { name: 'POST /api/v1/detections', path: '/api/v1/detections', headers: () => ({ authorization: `Bearer ${ingestSecret}` }), valid: detection() as unknown as Record<string, unknown> },
  {
    name: 'POST /api/v1/social-reports',
    path: '/api/v1/social-reports',
    headers: () => ({ authorization: `Bearer ${ingestSecret}` }),
    valid: { platform: 'facebook', postUrl: 'https://facebook.com/p/1', postedAt: new Date().toISOString(), text: 'عكس الاتجاه على الدائري' },
  },
  { name: 'POST /api/v1/session', path: '/api/v1/session', headers: () => ({}), valid: { username: 'officer1', password: 'nope' } },
  { name: 'POST /api/v1/incidents/:id/actions', path: '', headers: () => ({ cookie: officer }), valid: { type: 'citation', plate: 'ق ١', notes: 'n' } },
  { name: 'POST /api/v1/users', path: '/api/v1/users', headers: () => ({ cookie: officer }), valid: { username: 'x', role: 'admin', password: 'long enough password' } },
];

describe('property-based fuzzing of every ingest and user endpoint', () => {
  for (const target of targets) {
    it(`${target.name}: never 5xx, never stores a rejected body`, async () => {
      const path = target.path || `/api/v1/incidents/${incidentId}/actions`;
      let tried = 0;
      let refused = 0;
      const failures: string[] = [];
      const send = async (body: string | Uint8Array) => {
        const before = await counts();
        const res = await fetch(`${server.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: server.url, ...target.headers() },
          body,
        });
        tried += 1;
        const text = await res.text();
        if (res.status >= 500) failures.push(`${res.status} for ${String(body).slice(0, 120)}`);
        if (res.status >= 400) {
          refused += 1;
          const parsed = JSON.parse(text) as { error?: { code?: string } };
          if (typeof parsed.error?.code !== 'string') failures.push(`no error shape for ${res.status}`);
          if (JSON.stringify(await counts()) !== JSON.stringify(before)) failures.push(`rejected body changed data: ${String(body).slice(0, 120)}`);
        }
      };
      await fc.assert(fc.asyncProperty(mutated(target.valid), async (body) => send(body)), { numRuns: 60 });
      await fc.assert(fc.asyncProperty(fc.json({ depthSize: 'medium' }), async (body) => send(body)), { numRuns: 20 });
      for (const raw of rawBodies) await send(raw);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      recordAttack(`fuzz ${target.name}`, tried, refused, failures.length);
      expect(failures).toEqual([]);
    });
  }
});
