import { beforeAll, describe, expect, it } from 'vitest';
import { shiftSummarySchema } from '@rasd/shared';
import { detection, login, postDetection, useTestServer } from './harness';

let commander: string;
let officer: string;

const server = useTestServer();
beforeAll(async () => {
  commander = await login(server.url, 'commander');
  officer = await login(server.url, 'officer');
});

const post = (cookie: string, path: string, body: unknown = {}) =>
  fetch(`${server.url}/api/v1/incidents/${path}`, { method: 'POST', headers: { cookie, origin: server.url, 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('shift summary', () => {
  it('summarises the current shift: counts, response times, actions and handover', async () => {
    const ids: string[] = [];
    for (const kind of ['wrong_way', 'wrong_way', 'reckless'] as const) {
      ids.push(((await (await postDetection(server.url, detection({ kind, plate: '=HYPERLINK("x")' }))).json()) as { incidentId: string }).incidentId);
    }
    await post(officer, `${ids[0]}/claim`);
    expect((await post(officer, `${ids[0]}/actions`, { type: 'arrest', plate: 'ق ص ب ١٢٣٤' })).status).toBe(201);
    await post(officer, `${ids[0]}/close`);
    await post(officer, `${ids[1]}/claim`);

    const res = await fetch(`${server.url}/api/v1/shifts/summary`, { headers: { cookie: commander } });
    expect(res.status).toBe(200);
    const summary = shiftSummarySchema.parse(await res.json());
    expect(summary.counts.total).toBe(3);
    expect(summary.counts.byKind).toEqual({ wrong_way: 2, reckless: 1 });
    expect(summary.counts.byStatus).toEqual({ closed: 1, claimed: 1, new: 1 });
    expect(summary.counts.byCorridor).toEqual({ ring_road: 3 });
    expect(summary.responseTimes.alertToClaimMs.n).toBe(2);
    expect(summary.responseTimes.claimToActionMs.n).toBe(1);
    expect(summary.actions.byType).toEqual({ arrest: 1 });
    expect(summary.actions.byTrack).toEqual({ camera: 1 });
    expect(summary.handover.openIncidents.map((i) => i.id).sort()).toEqual([ids[1], ids[2]].sort());
    expect(Date.parse(summary.shift.end) - Date.parse(summary.shift.start)).toBe(8 * 3_600_000);
  });

  it('answers a past shift with nothing in it, and refuses a bad `at` and officers', async () => {
    const past = (await (await fetch(`${server.url}/api/v1/shifts/summary?at=2020-01-01T10:00:00Z`, { headers: { cookie: commander } })).json()) as { counts: { total: number }; shift: { label: string } };
    expect(past.counts.total).toBe(0);
    expect(past.shift.label).toBe('2020-01-01 08–16');
    const bad = await fetch(`${server.url}/api/v1/shifts/summary?at=yesterday`, { headers: { cookie: commander } });
    expect(bad.status).toBe(400);
    expect((await fetch(`${server.url}/api/v1/shifts/summary`, { headers: { cookie: officer } })).status).toBe(403);
  });
});

describe('CSV export', () => {
  it('exports incidents in the range as UTF-8 CSV with a BOM, Arabic labels, and formulas defused', async () => {
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 3_600_000).toISOString();
    const res = await fetch(`${server.url}/api/v1/incidents.csv?from=${from}&to=${to}`, { headers: { cookie: commander } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toMatch(/^id,first_seen_at,last_seen_at,kind,kind_ar,/);
    expect(lines).toHaveLength(4);
    expect(text).toContain('سير عكس الاتجاه');
    expect(text).toContain('الطريق الدائري');
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('refuses a missing or reversed range with details, and officers', async () => {
    const res = await fetch(`${server.url}/api/v1/incidents.csv?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z`, { headers: { cookie: commander } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { details: { path: string }[] } }).error.details[0]!.path).toBe('to');
    expect((await fetch(`${server.url}/api/v1/incidents.csv`, { headers: { cookie: commander } })).status).toBe(400);
    expect((await fetch(`${server.url}/api/v1/incidents.csv?from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z`, { headers: { cookie: officer } })).status).toBe(403);
  });
});

describe('GeoJSON', () => {
  it('serves active incidents as a FeatureCollection with [lon, lat] points', async () => {
    const res = await fetch(`${server.url}/api/v1/incidents.geojson`, { headers: { cookie: officer } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/geo\+json/);
    const fc = (await res.json()) as { type: string; features: { geometry: { coordinates: number[] }; properties: { status: string } }[] };
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.length).toBeGreaterThan(0);
    expect(fc.features[0]!.geometry.coordinates).toEqual([31.3162252, 29.982611]);
    expect(fc.features.every((f) => f.properties.status !== 'closed')).toBe(true);
  });
});
