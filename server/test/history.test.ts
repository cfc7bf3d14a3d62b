import { beforeAll, describe, expect, it } from 'vitest';
import { historyPageSchema } from '@rasd/shared';
import { detection, login, postDetection, useTestServer } from './harness';

let commander: string;
let officer: string;
const ids: Record<string, string> = {};

const autostrad = { lat: 29.986, lon: 31.289 };

async function detect(name: string, overrides: Parameters<typeof detection>[0]) {
  const res = await postDetection(server.url, detection(overrides));
  expect(res.status).toBe(201);
  ids[name] = ((await res.json()) as { incidentId: string }).incidentId;
}

const server = useTestServer();
beforeAll(async () => {
  commander = await login(server.url, 'commander');
  officer = await login(server.url, 'officer');
  // The same car written three ways, plus others on another corridor, kind and day.
  await detect('canonical', { plate: 'ق ص ب ١٢٣٤', observedAt: '2026-03-01T08:00:00Z' });
  await detect('western', { plate: 'قصب-1234', observedAt: '2026-03-02T08:00:00Z', kind: 'speeding' });
  await detect('other', { plate: 'ن ل ١', observedAt: '2026-03-03T08:00:00Z', location: autostrad, kind: 'reckless' });
  await detect('formula', { plate: '=HYPERLINK("evil")', observedAt: '2026-03-04T08:00:00Z' });
  // An officer claims and records an action whose plate (not the detection's) identifies the car.
  await detect('actioned', { plate: undefined, observedAt: '2026-03-05T08:00:00Z' });
  const post = (path: string, body: unknown = {}) =>
    fetch(`${server.url}/api/v1/incidents/${ids['actioned']}/${path}`, { method: 'POST', headers: { cookie: officer, origin: server.url, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect((await post('claim')).status).toBe(200);
  expect((await post('actions', { type: 'arrest', plate: 'قصب١٢٣٤' })).status).toBe(201);
});

const search = async (query: string, cookie = commander) => {
  const res = await fetch(`${server.url}/api/v1/history/incidents?${query}`, { headers: { cookie } });
  return { status: res.status, body: (await res.json()) as unknown };
};
const found = async (query: string) => {
  const { status, body } = await search(query);
  expect(status, JSON.stringify(body)).toBe(200);
  return historyPageSchema.parse(body).incidents.map((i) => i.id);
};

describe('incident history search', () => {
  it('finds a plate however it is written, in detections and in legal actions, newest first', async () => {
    const expected = [ids['actioned'], ids['western'], ids['canonical']];
    expect(await found(`plate=${encodeURIComponent('قصب1234')}`)).toEqual(expected);
    expect(await found(`plate=${encodeURIComponent('ق-ص-ب ١٢٣٤')}`)).toEqual(expected);
    expect(await found(`plate=${encodeURIComponent('ن ل 1')}`)).toEqual([ids['other']]);
  });

  it('filters by corridor, kind, status, officer and date range', async () => {
    expect(await found('corridorId=autostrad')).toEqual([ids['other']]);
    expect(await found('kind=speeding,reckless')).toEqual([ids['other'], ids['western']]);
    expect(await found('status=actioned')).toEqual([ids['actioned']]);
    expect(await found('officer=officer1')).toEqual([ids['actioned']]);
    expect(await found('from=2026-03-02T00:00:00Z&to=2026-03-04T00:00:00%2B02:00')).toEqual([ids['other'], ids['western']]);
    expect(await found('corridorId=ring_road&from=2026-03-02T00:00:00Z&kind=wrong_way')).toEqual([ids['actioned'], ids['formula']]);
  });

  it('pages with a total', async () => {
    const first = historyPageSchema.parse((await search('limit=2')).body);
    expect(first).toMatchObject({ total: 5, limit: 2, offset: 0 });
    expect(first.incidents.map((i) => i.id)).toEqual([ids['actioned'], ids['formula']]);
    const last = historyPageSchema.parse((await search('limit=2&offset=4')).body);
    expect(last.incidents.map((i) => i.id)).toEqual([ids['canonical']]);
  });

  it('refuses bad filters with one detail per field, and officers', async () => {
    const bad = await search(`plate=hello&kind=flying&to=2026-01-01T00:00:00Z&from=2026-02-01T00:00:00Z&limit=500`);
    expect(bad.status).toBe(400);
    const paths = (bad.body as { error: { details: { path: string }[] } }).error.details.map((d) => d.path).sort();
    expect(paths).toEqual(['kind.0', 'limit', 'plate']);
    const reversed = await search('from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z');
    expect((reversed.body as { error: { details: { path: string }[] } }).error.details[0]!.path).toBe('to');
    expect((await search('plate=x', officer)).status).toBe(403);
  });

  it('audits plate searches', async () => {
    const rows = await server.db.query<{ actor: string; data: { filter: { plate: string } } }>("SELECT actor, data FROM audit_log WHERE action = 'history.plate_searched'");
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows[0]).toMatchObject({ actor: 'commander1', data: { filter: { plate: 'قصب1234' } } });
  });
});

describe('history CSV export', () => {
  it('exports the filtered history with a BOM, formulas defused, and audits it', async () => {
    const res = await fetch(`${server.url}/api/v1/history/incidents.csv?corridorId=ring_road&from=2026-03-01T00:00:00Z`, { headers: { cookie: commander } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="?rasd-history-\d{8}T\d{4}\.csv/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trim().split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[1]!.startsWith(ids['actioned']!)).toBe(true);
    expect(lines.join('\n')).toContain(`"'=HYPERLINK(""evil"")"`);
    expect(lines[1]).toContain(',arrest,');
    const [audit] = await server.db.query<{ data: { found: number } }>("SELECT data FROM audit_log WHERE action = 'history.exported'");
    expect(audit!.data.found).toBe(4);
  });

  it('refuses officers and bad filters', async () => {
    expect((await fetch(`${server.url}/api/v1/history/incidents.csv`, { headers: { cookie: officer } })).status).toBe(403);
    expect((await fetch(`${server.url}/api/v1/history/incidents.csv?status=nope`, { headers: { cookie: commander } })).status).toBe(400);
  });
});
