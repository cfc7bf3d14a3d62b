import { beforeAll, describe, expect, it } from 'vitest';
import type { Incident, LiveBatch } from '@rasd/shared';
import { connectDesk, connected, createTestStore, detection, login, nextEvent, postDetection, startTestServer, useTestServer } from './harness';

let cookie: string;

const server = useTestServer();
beforeAll(async () => {
  cookie = await login(server.url, 'officer');
});

describe('live fan-out over socket.io', () => {
  it('refuses a handshake without a session', async () => {
    const socket = connectDesk(server.url, null);
    await expect(connected(socket)).rejects.toThrow(/unauthorized/);
    socket.close();
  });

  it('refuses a handshake from a foreign Origin even with a valid session', async () => {
    const socket = connectDesk(server.url, cookie, 'https://evil.example');
    await expect(connected(socket)).rejects.toThrow();
    socket.close();
  });

  it('sends every dashboard the stored incident and alert after a detection is posted', async () => {
    const a = connectDesk(server.url, cookie);
    const b = connectDesk(server.url, await login(server.url, 'dispatcher'));
    await Promise.all([connected(a), connected(b)]);
    const body = detection({ kind: 'reckless' });
    const upserts = [nextEvent(a, 'incident:upsert'), nextEvent(b, 'incident:upsert')];
    const alert = nextEvent(a, 'alert:new');
    const { incidentId, alertId } = await (await postDetection(server.url, body)).json() as any;
    for (const incident of await Promise.all(upserts)) {
      expect(incident).toMatchObject({ id: incidentId, kind: 'reckless', severity: 'high', status: 'new' });
    }
    const payload = await alert;
    expect(payload).toMatchObject({ incidentId, alert: { id: alertId, eventId: body.eventId, source: 'camera' } });
    // Store first, then publish: what was pushed is already readable.
    const stored = await (await fetch(`${server.url}/api/v1/incidents/${incidentId}`, { headers: { cookie } })).json() as any;
    expect(stored.seq).toBe((await upserts[0])!.seq);
    a.close();
    b.close();
  });

  it('gathers changes into live:batch frames for a dashboard that asked, and still sends single events to the others', async () => {
    const batched = connectDesk(server.url, cookie, server.url, true);
    const single = connectDesk(server.url, cookie);
    await Promise.all([connected(batched), connected(single)]);
    const frames: LiveBatch[] = [];
    batched.on('live:batch', (batch) => frames.push(batch));
    let singleUpserts = 0;
    batched.on('incident:upsert', () => frames.push({ incidents: [], alerts: [] }));
    single.on('incident:upsert', () => singleUpserts++);
    const bodies = Array.from({ length: 40 }, () => detection({ kind: 'speeding' }));
    // Submitted in one turn, so one group commit writes them and their changes share a frame however loaded the machine is.
    const ids = (await Promise.all(bodies.map((b) => server.app.ingest.ingestDetection('cam-gw', b)))).map((o) => o.result.incidentId);
    await expect.poll(() => frames.flatMap((f) => f.incidents).length, { timeout: 5000 }).toBe(40);
    await expect.poll(() => singleUpserts, { timeout: 5000 }).toBe(40);
    const incidents = frames.flatMap((f) => f.incidents);
    expect(new Set(incidents.map((i) => i.id))).toEqual(new Set(ids));
    expect(incidents.map((i) => i.seq)).toEqual([...incidents.map((i) => i.seq)].sort((x, y) => x - y));
    expect(frames.flatMap((f) => f.alerts.map((a) => a.incidentId)).sort()).toEqual([...ids].sort());
    // Alerts by reference: which alert and the camera's eventId, not the detection again.
    const alerts = frames.flatMap((f) => f.alerts);
    expect(new Set(alerts.map((a) => a.alert.eventId))).toEqual(new Set(bodies.map((b) => b.eventId)));
    expect(Object.keys(alerts[0]!.alert).sort()).toEqual(['eventId', 'id', 'receivedAt', 'seq', 'source']);
    // Fewer frames than changes, and nothing sent one by one to the batched desk.
    expect(frames.length).toBeLessThan(40);
    expect(frames.every((f) => f.incidents.length > 0)).toBe(true);
    batched.close();
    single.close();
  });

  it('encodes each form of the live events only while a desk that asked for it is connected', async () => {
    const published = async (event: string) =>
      (await server.app.metrics.publishedEvents.get()).values.find((v) => v.labels.event === event)?.value ?? 0;
    const batched = connectDesk(server.url, cookie, server.url, true);
    await connected(batched);
    const frames: LiveBatch[] = [];
    batched.on('live:batch', (batch) => frames.push(batch));
    const [singlesBefore, batchesBefore] = [await published('alert:new'), await published('live:batch')];
    await server.app.ingest.ingestDetection('cam-gw', detection({ kind: 'speeding' }));
    await expect.poll(() => frames.length, { timeout: 5000 }).toBe(1);
    // Nobody takes single events: none was encoded (socket.io would have encoded and kept each one).
    expect(await published('alert:new')).toBe(singlesBefore);
    expect(await published('live:batch')).toBe(batchesBefore + 1);

    const single = connectDesk(server.url, cookie);
    await connected(single);
    const alert = nextEvent(single, 'alert:new');
    const { result } = await server.app.ingest.ingestDetection('cam-gw', detection({ kind: 'speeding' }));
    expect((await alert).alert.id).toBe(result.alertId);
    await expect.poll(() => frames.length, { timeout: 5000 }).toBe(2);
    expect(await published('alert:new')).toBe(singlesBefore + 1);
    batched.close();
    single.close();
  });

  it('lets a dashboard that was away catch up on what it missed, by socket and by HTTP', async () => {
    const socket = connectDesk(server.url, cookie);
    await connected(socket);
    const first = nextEvent(socket, 'incident:upsert');
    await postDetection(server.url, detection());
    const lastSeen = (await first).seq;
    socket.close();

    const missed = [];
    for (let i = 0; i < 3; i++) missed.push((await (await postDetection(server.url, detection({ kind: 'speeding' }))).json() as any).incidentId);

    const again = connectDesk(server.url, cookie);
    await connected(again);
    const answer = await again.emitWithAck('incidents:since', { since: lastSeen });
    if (!('data' in answer)) throw new Error(JSON.stringify(answer));
    expect(answer.data.incidents.map((i: Incident) => i.id)).toEqual(missed);
    expect(answer.data.seq).toBe(Math.max(...answer.data.incidents.map((i: Incident) => i.seq)));
    again.close();

    const http = await (await fetch(`${server.url}/api/v1/incidents?since=${lastSeen}`, { headers: { cookie } })).json() as any;
    expect(http.incidents.map((i: Incident) => i.id)).toEqual(missed);
  });

  it('answers a malformed catch-up request with the error shape', async () => {
    const socket = connectDesk(server.url, cookie);
    await connected(socket);
    const answer = await socket.emitWithAck('incidents:since', { since: -5 });
    expect(answer).toEqual({ error: { code: 'invalid_input', message: expect.any(String) } });
    socket.close();
  });
});

describe('persistence', () => {
  it('keeps incidents and sessions across a restart with the same data', async () => {
    const own = await createTestStore();
    let s = await startTestServer(own);
    const { incidentId } = await (await postDetection(s.url, detection())).json() as any;
    const ownCookie = await login(s.url, 'commander');
    await s.stop();
    s = await startTestServer(own);
    const res = await fetch(`${s.url}/api/v1/incidents/${incidentId}`, { headers: { cookie: ownCookie } });
    expect(res.status).toBe(200);
    expect((await res.json() as any).id).toBe(incidentId);
    await s.stop();
    await own.destroy();
  });
});

describe('the frame budget', () => {
  it('spaces a stream\'s frames so the instance writes at most RASD_LIVE_FRAMES_PER_S to its batched desks in all', async () => {
    const own = await createTestStore();
    // No minimum interval; 5 batched desks and 100 frames a second in all: a frame per 50 ms.
    const s = await startTestServer(own, { RASD_LIVE_FRAME_MS: '0', RASD_LIVE_FRAMES_PER_S: '100' });
    const ownCookie = await login(s.url, 'officer');
    const desks = Array.from({ length: 5 }, () => connectDesk(s.url, ownCookie, s.url, true));
    await Promise.all(desks.map(connected));
    const frames: LiveBatch[] = [];
    desks[0]!.on('live:batch', (batch) => frames.push(batch));
    const started = Date.now();
    for (let i = 0; i < 30; i++) {
      await s.app.ingest.ingestDetection('cam-gw', detection({ kind: 'speeding' }));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await expect.poll(() => frames.flatMap((f) => f.incidents).length, { timeout: 5000 }).toBe(30);
    const elapsed = Date.now() - started;
    // One change at a time, 20+ ms apart: a frame each without the budget; here a burst of 3, then one per 50 ms.
    expect(frames.length).toBeLessThanOrEqual(3 + Math.ceil(elapsed / 50) + 1);
    expect(frames.length).toBeLessThan(30);
    for (const desk of desks) desk.close();
    await s.stop();
    await own.destroy();
  });
});
