import { describe, expect, it } from 'vitest';
import { wallStatsSchema, type Role } from '@rasd/shared';
import { detection, login, postDetection, useTestServer } from './harness';


const server = useTestServer();

const stats = (cookie?: string) => fetch(`${server.url}/api/v1/wall/stats`, { headers: cookie ? { cookie } : {} });

describe('GET /api/v1/wall/stats', () => {
  it('refuses a request without a session', async () => {
    expect((await stats()).status).toBe(401);
  });

  it('answers every role, so the wall needs no commander account', async () => {
    for (const role of ['officer', 'dispatcher', 'commander', 'admin'] as Role[]) {
      const res = await stats(await login(server.url, role));
      expect(res.status).toBe(200);
      expect(wallStatsSchema.safeParse(await res.json()).success).toBe(true);
    }
  });

  it('counts an incident claimed and actioned this shift, with its claim time', async () => {
    const cookie = await login(server.url, 'officer');
    const before = wallStatsSchema.parse(await (await stats(cookie)).json());
    const { incidentId } = (await (await postDetection(server.url, detection())).json()) as { incidentId: string };
    const post = (path: string, body: unknown) =>
      fetch(`${server.url}/api/v1/incidents/${incidentId}/${path}`, {
        method: 'POST',
        headers: { cookie, origin: server.url, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post('claim', {})).status).toBe(200);
    expect((await post('actions', { type: 'arrest', plate: 'قصب١٢٣٤' })).status).toBe(201);
    const after = wallStatsSchema.parse(await (await stats(cookie)).json());
    expect(after.actioned).toBe(before.actioned + 1);
    expect(after.alertToClaimMs.n).toBe(before.alertToClaimMs.n + 1);
    expect(after.alertToClaimMs.p50).toEqual(expect.any(Number));
    expect(Date.parse(after.shift.start)).toBeLessThanOrEqual(Date.now());
    expect(Date.parse(after.shift.end)).toBeGreaterThan(Date.now());
  });

  it('is listed in the OpenAPI document', async () => {
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(doc.paths['/api/v1/wall/stats']).toBeDefined();
  });
});
