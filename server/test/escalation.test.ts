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
});
