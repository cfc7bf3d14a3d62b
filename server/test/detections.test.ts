import { beforeAll, describe, expect, it } from 'vitest';
import { connectDesk, connected, detection, login, postDetection, useTestServer } from './harness';

let cookie: string;

const server = useTestServer();
beforeAll(async () => {
  cookie = await login(server.url, 'officer');
});

async function snapshot() {
  const res = await fetch(`${server.url}/api/v1/incidents?since=0`, { headers: { cookie } });
  return res.json() as any;
}

describe('POST /api/v1/detections', () => {
  it('stores a detection as a new incident and answers 201 with its ids', async () => {
    const body = detection();
    const res = await postDetection(server.url, body);
    expect(res.status).toBe(201);
    const result = await res.json() as any;
    expect(result).toEqual({ alertId: expect.any(String), incidentId: expect.any(String), duplicate: false });

    const incident = await (await fetch(`${server.url}/api/v1/incidents/${result.incidentId}`, { headers: { cookie } })).json() as any;
    expect(incident).toMatchObject({
      id: result.incidentId,
      kind: 'wrong_way',
      source: 'camera',
      severity: 'critical',
      status: 'new',
      corridorId: 'ring_road',
      alertCount: 1,
      claimedBy: null,
      actions: [],
      plate: body.plate,
    });
    expect(incident.alerts).toHaveLength(1);
    expect(incident.alerts[0]).toMatchObject({ id: result.alertId, eventId: body.eventId, sender: 'cam-gw', seq: incident.seq });
    expect(incident.history[0]).toMatchObject({ type: 'opened', seq: incident.seq });
  });

  it('keeps an idle connection open longer than a proxy or camera gateway keeps its own (it closes first)', async () => {
    const res = await postDetection(server.url, detection());
    expect(res.headers.get('keep-alive')).toBe('timeout=65');
  });

  it('answers a retry with the same body 200 duplicate with the same ids and changes nothing', async () => {
    const body = detection();
    const first = await (await postDetection(server.url, body)).json() as any;
    const before = await snapshot();
    const again = await postDetection(server.url, { ...body, location: { lon: body.location.lon, lat: body.location.lat } });
    expect(again.status).toBe(200);
    expect(await again.json() as any).toEqual({ ...first, duplicate: true });
    expect(await snapshot()).toEqual(before);
  });

  it('answers the same eventId with a different body 422 idempotency_conflict and changes nothing', async () => {
    const body = detection();
    await postDetection(server.url, body);
    const before = await snapshot();
    const res = await postDetection(server.url, { ...body, speedKmh: 140 });
    expect(res.status).toBe(422);
    expect((await res.json() as any).error.code).toBe('idempotency_conflict');
    expect(await snapshot()).toEqual(before);
  });

  it('keeps eventIds of different senders apart', async () => {
    const body = detection();
    const a = await postDetection(server.url, body);
    const b = await postDetection(server.url, body, 'other-secret');
    expect([a.status, b.status]).toEqual([201, 201]);
  });

  it('matches retries by sender and eventId together when one batch mixes senders', async () => {
    const [x, y] = [detection(), detection()];
    // Stored: cam-gw's x and other-gw's y.
    expect((await server.app.ingest.ingestDetection('cam-gw', x)).created).toBe(true);
    expect((await server.app.ingest.ingestDetection('other-gw', y)).created).toBe(true);
    // One batch: the crossed pairs are new, the stored ones are retries.
    const outcomes = await Promise.all([
      server.app.ingest.ingestDetection('cam-gw', y),
      server.app.ingest.ingestDetection('other-gw', x),
      server.app.ingest.ingestDetection('cam-gw', x),
      server.app.ingest.ingestDetection('other-gw', y),
    ]);
    expect(outcomes.map((o) => o.created)).toEqual([true, true, false, false]);
    expect(outcomes.map((o) => o.result.duplicate)).toEqual([false, false, true, true]);
  });

  it('lets exactly one of many simultaneous retries create the alert', async () => {
    const body = detection();
    const answers = await Promise.all(Array.from({ length: 8 }, () => postDetection(server.url, body)));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    const ids = new Set(await Promise.all(answers.map(async (r) => (await r.json() as any).incidentId)));
    expect(ids.size).toBe(1);
  });

  describe('refuses bad requests with the contract error and changes nothing', () => {
    const cases: [string, () => Promise<Response>, number, string, string[]?][] = [
      ['no key', () => fetch(`${server.url}/api/v1/detections`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(detection()) }), 401, 'unauthorized'],
      ['a wrong key', () => postDetection(server.url, detection(), 'nope'), 401, 'unauthorized'],
      ['bad fields', () => postDetection(server.url, { ...detection(), kind: 'ufo', location: { lat: 95, lon: 31 }, confidence: 1.5 }), 400, 'invalid_input', ['confidence', 'kind', 'location.lat']],
      ['missing fields', () => postDetection(server.url, { eventId: 'x' }), 400, 'invalid_input', ['cameraId', 'kind', 'location', 'observedAt']],
      ['malformed JSON', () => postDetection(server.url, '{"eventId": '), 400, 'invalid_input'],
      ['a body over 256 KiB', () => postDetection(server.url, { ...detection(), padding: 'x'.repeat(300 * 1024) }), 413, 'payload_too_large'],
      ['a time without zone', () => postDetection(server.url, { ...detection(), observedAt: '2026-11-22T18:00:00' }), 400, 'invalid_input', ['observedAt']],
    ];
    for (const [name, send, status, code, paths] of cases) {
      it(`${name} → ${status} ${code}`, async () => {
        const before = await snapshot();
        const res = await send();
        expect(res.status).toBe(status);
        const body = await res.json() as any;
        expect(body.error).toMatchObject({ code, message: expect.any(String) });
        if (paths) expect(body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(paths);
        expect(await snapshot()).toEqual(before);
      });
    }
  });
});

/** How many group-commit transactions have written detections so far (from /metrics). */
async function ingestBatches(): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  return Number(/^rasd_ingest_batch_detections_count (\d+)/m.exec(text)?.[1] ?? NaN);
}

describe('a burst of detections (group commit)', () => {
  it('answers every detection of a burst on its own, stores each once, publishes them in seq order, and keeps the audit chain', async () => {
    const desk = connectDesk(server.url, cookie);
    await connected(desk);
    const seen: number[] = [];
    desk.on('alert:new', ({ alert }) => seen.push(alert.seq));
    const batchesBefore = await ingestBatches();

    const bodies = Array.from({ length: 120 }, () => detection());
    const twice = detection();
    const reused = detection();
    const burst = [...bodies, twice, twice, reused, { ...reused, speedKmh: 160 }];
    const answers = await Promise.all(burst.map(async (body) => {
      const res = await postDetection(server.url, body);
      return { status: res.status, body: (await res.json()) as any };
    }));

    const created = answers.filter((a) => a.status === 201);
    expect(created).toHaveLength(122);
    expect(new Set(created.map((a) => a.body.incidentId)).size).toBe(122);
    const [firstTwice, secondTwice] = [answers[120]!, answers[121]!];
    expect([firstTwice.status, secondTwice.status].sort()).toEqual([200, 201]);
    expect(firstTwice.body.alertId).toBe(secondTwice.body.alertId);
    expect(answers[122]!.status).toBe(201);
    expect(answers[123]).toMatchObject({ status: 422, body: { error: { code: 'idempotency_conflict' } } });

    await expect.poll(() => seen.length, { timeout: 5000 }).toBe(122);
    desk.close();
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(new Set(seen).size).toBe(122);
    // Fewer transactions than detections: the burst was written in groups, not one by one.
    expect((await ingestBatches()) - batchesBefore).toBeLessThan(122);

    const commander = await login(server.url, 'commander');
    const verify = await (await fetch(`${server.url}/api/v1/audit/verify`, { headers: { cookie: commander } })).json() as any;
    expect(verify.ok).toBe(true);
  });
});

describe('text the database cannot hold', () => {
  it('refuses a NUL character anywhere in the body with 400 and stores nothing', async () => {
    const before = await snapshot();
    const res = await postDetection(server.url, { ...detection(), eventId: 'a\u0000b' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string; details: { message: string }[] } }).error).toMatchObject({ code: 'invalid_input', details: [{ message: expect.stringMatching(/NUL/) }] });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses half a surrogate pair, in a value or a key, with 400 and stores nothing; a whole pair is fine', async () => {
    const before = await snapshot();
    for (const body of [{ ...detection(), plate: 'ق \uD800' }, { ...detection(), cameraId: '\uDC00x' }, { ...detection(), ['k\uD83D']: 1 }]) {
      const res = await postDetection(server.url, body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string; details: { message: string }[] } }).error).toMatchObject({ code: 'invalid_input', details: [{ message: expect.stringMatching(/surrogate/) }] });
    }
    expect(await snapshot()).toEqual(before);
    const emoji = await postDetection(server.url, { ...detection(), plate: 'ق \uD83D\uDE97' });
    expect(emoji.status).toBe(201);
  });
});
