import { beforeAll, describe, expect, it } from 'vitest';
import { limits, type IncidentDetail, type IncidentList } from '@rasd/shared';
import { connectDesk, connected, detection, ingestSecret, login, nextEvent, postDetection, useTestServer } from './harness';

let officer: string;

const server = useTestServer();
beforeAll(async () => {
  officer = await login(server.url, 'officer');
});

let n = 0;
function report(overrides: Record<string, unknown> = {}) {
  n += 1;
  return {
    platform: 'facebook',
    postUrl: `https://www.facebook.com/groups/cairo.traffic/posts/${1000 + n}`,
    postedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    text: `فيديو رقم ${n}: ميكروباص بيعمل حركات استعراضية وتفحيط في شارع جانبي بالمعادي`,
    author: 'someone',
    engagement: { likes: 12, shares: 2, comments: 1, views: 300 },
    ...overrides,
  };
}

const postReport = (body: unknown) =>
  fetch(`${server.url}/api/v1/social-reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ingestSecret}` },
    body: JSON.stringify(body),
  });
const getIncident = async (id: string) => (await (await fetch(`${server.url}/api/v1/incidents/${id}`, { headers: { cookie: officer } })).json()) as IncidentDetail;
const command = (path: string, body: unknown = {}) =>
  fetch(`${server.url}/api/v1/incidents/${path}`, { method: 'POST', headers: { cookie: officer, origin: server.url, 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('POST /api/v1/social-reports', () => {
  it('opens a verifying incident located from the text, with what triage extracted', async () => {
    const res = await postReport(report({ text: 'عربية ماشية عكس الاتجاه على الدائري عند المعادي دلوقتي نمرتها ق ص ب ١٢٣٤', mediaUrls: ['https://video.example/a1.mp4'] }));
    expect(res.status).toBe(201);
    const body = (await res.json()) as { incidentId: string; duplicate: boolean; extracted: unknown };
    expect(body).toMatchObject({ duplicate: false, extracted: { kind: 'wrong_way', corridorId: 'ring_road', plate: 'ق ص ب ١٢٣٤' } });
    const incident = await getIncident(body.incidentId);
    expect(incident).toMatchObject({ source: 'social', status: 'verifying', kind: 'wrong_way', severity: 'critical', corridorId: 'ring_road', locationApproximate: true });
    expect(incident.location.lat).toBeGreaterThan(29.9);
    expect(incident.location.lat).toBeLessThan(30.1);
    const alert = incident.alerts[0]!;
    expect(alert.source).toBe('social');
    if (alert.source !== 'social') throw new Error('not social');
    expect(alert.mediaEvidence).toEqual([{ url: 'https://video.example/a1.mp4', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
  });

  it('answers the same post again (tracking parameters, host case, trailing slash) 200 duplicate', async () => {
    const first = report();
    const a = (await (await postReport(first)).json()) as { alertId: string; incidentId: string };
    const again = await postReport({ ...first, postUrl: first.postUrl.replace('https://www.facebook.com', 'HTTPS://WWW.Facebook.com') + '/?fbclid=IwAR0&utm_source=wa', text: 'changed text' });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ alertId: a.alertId, incidentId: a.incidentId, duplicate: true });
  });

  it('joins a re-share of the same video, and a near-identical text, to the existing incident', async () => {
    const original = (await (await postReport(report({ mediaUrls: ['https://cdn.example/v/777.mp4?utm_medium=x'] }))).json()) as { incidentId: string };
    const sameVideo = await postReport(report({ platform: 'tiktok', postUrl: 'https://www.tiktok.com/@other/video/999', text: 'شوفوا ده', mediaUrls: ['https://cdn.example/v/777.mp4'] }));
    expect(sameVideo.status).toBe(201);
    expect(((await sameVideo.json()) as { incidentId: string }).incidentId).toBe(original.incidentId);

    const words = 'سواق نقل تقيل ماشي بسرعة جنونية على محور ٢٦ يوليو وبيكسر على العربيات قدام مول العرب';
    const first = (await (await postReport(report({ text: words }))).json()) as { incidentId: string };
    const reshare = (await (await postReport(report({ text: `${words} 😡😡` }))).json()) as { incidentId: string };
    expect(reshare.incidentId).toBe(first.incidentId);
    const incident = await getIncident(first.incidentId);
    expect(incident.alertCount).toBe(2);
    expect(incident.history.map((h) => h.type)).toEqual(['opened', 'report_joined']);
  });

  it('carries its most viral post, excerpted, to the list and the live stream; a viral re-share takes over', async () => {
    const desk = connectDesk(server.url, officer);
    await connected(desk);
    try {
      const text = `أتوبيس واقف صف تاني على كوبري أكتوبر وقافل الطريق ${'زحمة '.repeat(80)}`;
      const quiet = report({ text, mediaUrls: ['https://cdn.example/v/bus.mp4'], engagement: { likes: 3 } });
      const opened = nextEvent(desk, 'incident:upsert');
      const { incidentId } = (await (await postReport(quiet)).json()) as { incidentId: string };
      const first = await opened;
      expect(first).toMatchObject({ id: incidentId, socialPost: { platform: 'facebook', author: 'someone', mediaUrl: 'https://cdn.example/v/bus.mp4', engagement: { likes: 3 } } });
      expect(Array.from(first.socialPost!.text)).toHaveLength(limits.postExcerptMax);
      expect(first.socialPost!.text.endsWith('…')).toBe(true);

      const raised = nextEvent(desk, 'incident:upsert');
      const viral = report({ platform: 'tiktok', postUrl: 'https://www.tiktok.com/@cairo/video/4242', text: 'شوفوا الأتوبيس ده', mediaUrls: ['https://cdn.example/v/bus.mp4'], engagement: { views: 500_000, shares: 20_000 } });
      expect(((await (await postReport(viral)).json()) as { incidentId: string }).incidentId).toBe(incidentId);
      const second = await raised;
      expect(second.priority).toBeGreaterThan(first.priority!);
      expect(second.socialPost).toMatchObject({ platform: 'tiktok', postUrl: viral.postUrl, text: viral.text, engagement: viral.engagement });

      const list = (await (await fetch(`${server.url}/api/v1/incidents`, { headers: { cookie: officer } })).json()) as IncidentList;
      expect(list.incidents.find((i) => i.id === incidentId)).toMatchObject({ priority: second.priority, socialPost: second.socialPost });
    } finally {
      desk.close();
    }
  });

  it('links a report of the same kind on the same corridor near a camera detection as corroboration', async () => {
    const { incidentId } = (await (await postDetection(server.url, detection({ location: { lat: 29.982611, lon: 31.3162252 } }))).json()) as { incidentId: string };
    const res = await postReport(report({ text: 'واحد ماشي عكس الاتجاه على الدائري', location: { lat: 29.99, lon: 31.31 } }));
    expect(((await res.json()) as { incidentId: string }).incidentId).toBe(incidentId);
    const incident = await getIncident(incidentId);
    expect(incident.source).toBe('mixed');
    expect(incident.alerts.map((a) => a.source)).toEqual(['camera', 'social']);
  });

  it('refuses bad input with details and changes nothing', async () => {
    const before = await (await fetch(`${server.url}/api/v1/incidents?since=0`, { headers: { cookie: officer } })).json();
    for (const [body, paths] of [
      [{ ...report(), postUrl: 'javascript:alert(1)' }, ['postUrl']],
      [{ ...report(), platform: 'myspace', text: '' }, ['platform', 'text']],
      [{ ...report(), text: 'x'.repeat(10_001) }, ['text']],
      [{ ...report(), mediaUrls: ['file:///etc/passwd'] }, ['mediaUrls.0']],
    ] as const) {
      const res = await postReport(body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { details: { path: string }[] } }).error.details.map((d) => d.path).sort()).toEqual(paths);
    }
    expect(await (await fetch(`${server.url}/api/v1/incidents?since=0`, { headers: { cookie: officer } })).json()).toEqual(before);
  });
});

describe('verification workflow', () => {
  it('claims, verifies, then records summons and vehicle impound', async () => {
    const { incidentId } = (await (await postReport(report({ text: 'عربية ملاكي ماشية عكس في كوبري أكتوبر نازل التحرير' }))).json()) as { incidentId: string };
    expect((await command(`${incidentId}/actions`, { type: 'summons', plate: 'ر ل ٥٥٦' })).status).toBe(409);
    expect((await command(`${incidentId}/claim`)).status).toBe(200);
    expect((await command(`${incidentId}/actions`, { type: 'summons', plate: 'ر ل ٥٥٦' })).status).toBe(409);
    const verified = await command(`${incidentId}/verify`, { verdict: 'verified' });
    expect(await verified.json()).toMatchObject({ status: 'verified', verification: { verdict: 'verified', by: { username: 'officer1' } } });
    expect((await command(`${incidentId}/actions`, { type: 'summons', plate: 'ر ل ٥٥٦' })).status).toBe(201);
    const impound = await command(`${incidentId}/actions`, { type: 'vehicle_impound', plate: 'ر ل ٥٥٦' });
    expect(((await impound.json()) as { actions: { type: string }[] }).actions.map((a) => a.type)).toEqual(['summons', 'vehicle_impound']);
  });

  it('rejects with a reason; the rejected report stays readable', async () => {
    const { incidentId } = (await (await postReport(report())).json()) as { incidentId: string };
    expect((await command(`${incidentId}/verify`, { verdict: 'rejected' })).status).toBe(400);
    expect((await command(`${incidentId}/verify`, { verdict: 'rejected', reason: 'old video (2019)' })).status).toBe(200);
    expect(await getIncident(incidentId)).toMatchObject({ status: 'rejected', verification: { reason: 'old video (2019)' } });
  });
});
