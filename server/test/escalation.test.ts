import { describe, expect, it } from 'vitest';
import type { Incident } from '@rasd/shared';
import { connectDesk, connected, detection, login, postDetection, useTestServer } from './harness';

const server = useTestServer({ RASD_ESCALATE_AFTER_S: '2' });

describe('escalation of unclaimed critical incidents', () => {
  it('notifies commanders, not officers, and records it in the history and audit', async () => {
    const commander = connectDesk(server.url, await login(server.url, 'commander'));
    const officer = connectDesk(server.url, await login(server.url, 'officer'));
    await Promise.all([connected(commander), connected(officer)]);
    const heardByOfficer: Incident[] = [];
    officer.on('incident:escalated', (i) => heardByOfficer.push(i));
    const escalated = new Promise<Incident>((resolve) => commander.on('incident:escalated', resolve));

    const officerCookie = await login(server.url, 'officer');
    // Claimed straight after it arrives, well inside the two-second escalation window.
    const claimedMeanwhile = (await (await postDetection(server.url, detection())).json()) as { incidentId: string };
    await fetch(`${server.url}/api/v1/incidents/${claimedMeanwhile.incidentId}/claim`, { method: 'POST', headers: { cookie: officerCookie } });

    const { incidentId } = (await (await postDetection(server.url, detection())).json()) as { incidentId: string };
    const incident = await escalated;
    expect(incident).toMatchObject({ id: incidentId, severity: 'critical', escalatedAt: expect.any(String) });
    const detail = (await (await fetch(`${server.url}/api/v1/incidents/${incidentId}`, { headers: { cookie: officerCookie } })).json()) as {
      history: { type: string; actor: string }[];
    };
    expect(detail.history.map((h) => h.type)).toEqual(['opened', 'escalated']);
    const claimed = (await (await fetch(`${server.url}/api/v1/incidents/${claimedMeanwhile.incidentId}`, { headers: { cookie: officerCookie } })).json()) as Incident;
    expect(claimed.escalatedAt).toBeNull();
    expect(heardByOfficer).toEqual([]);
    commander.close();
    officer.close();
  });

  it('escalates every waiting incident of a sweep in one go, each once, under its own seq, with a valid audit chain', async () => {
    const commander = connectDesk(server.url, await login(server.url, 'commander'));
    await connected(commander);
    const escalations: Incident[] = [];
    commander.on('incident:escalated', (i) => escalations.push(i));
    const cookie = await login(server.url, 'commander');
    const posted = await Promise.all(
      ['ر ك ب ١١١', 'ر ك ب ٢٢٢', 'ر ك ب ٣٣٣', 'ر ك ب ٤٤٤'].map(async (plate) => {
        const res = await postDetection(server.url, detection({ kind: 'reckless', plate }));
        return ((await res.json()) as { incidentId: string }).incidentId;
      }),
    );
    expect(new Set(posted).size).toBe(4);
    const [claimed, ...waiting] = posted;
    await fetch(`${server.url}/api/v1/incidents/${claimed}/claim`, { method: 'POST', headers: { cookie } });

    await expect.poll(() => escalations.length, { timeout: 8000 }).toBe(3);
    // A later sweep finds nothing more to do.
    await new Promise((r) => setTimeout(r, 1200));
    expect(escalations.map((i) => i.id).sort()).toEqual([...waiting].sort());
    expect(escalations.every((i) => i.severity === 'critical' && i.escalatedAt !== null)).toBe(true);
    expect(new Set(escalations.map((i) => i.seq)).size).toBe(3);

    for (const id of waiting) {
      const detail = (await (await fetch(`${server.url}/api/v1/incidents/${id}`, { headers: { cookie } })).json()) as {
        seq: number;
        history: { type: string; actor: string; seq: number; data: { from?: string; to?: string } }[];
      };
      expect(detail.history.map((h) => [h.type, h.actor])).toEqual([['opened', 'cam-gw'], ['escalated', 'system']]);
      expect(detail.history[1]).toMatchObject({ seq: detail.seq, data: { from: 'high', to: 'critical' } });
    }
    // The escalated incidents can still be claimed: their stored seq is what a claim compares against.
    const claim = await fetch(`${server.url}/api/v1/incidents/${waiting[0]}/claim`, { method: 'POST', headers: { cookie } });
    expect(claim.status).toBe(200);
    const verify = (await (await fetch(`${server.url}/api/v1/audit/verify`, { headers: { cookie } })).json()) as { ok: boolean };
    expect(verify.ok).toBe(true);
    commander.close();
  });
});
