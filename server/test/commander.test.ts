import { beforeAll, describe, expect, it } from 'vitest';
import { handoverSchema, pressSummarySchema, shiftReportSchema, shiftSummarySchema } from '@rasd/shared';
import { createTestStore, detection, login, password, postDetection, startTestServer, useTestServer } from './harness';

let commander: string;
let incoming: string;
let admin: string;
let officer: string;
const users = ['officer1:officer', 'dispatcher1:dispatcher', 'commander1:commander', 'commander2:commander', 'admin1:admin'].map((u) => `${u}:${password}`).join(',');

async function loginAs(username: string): Promise<string> {
  const res = await fetch(`${server.url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ username, password }) });
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

const server = useTestServer({ RASD_USERS: users });
beforeAll(async () => {
  [commander, incoming, admin, officer] = await Promise.all([loginAs('commander1'), loginAs('commander2'), login(server.url, 'admin'), login(server.url, 'officer')]);
});

const call = (method: string, path: string, cookie: string, body?: unknown) =>
  fetch(`${server.url}${path}`, { method, headers: { cookie, origin: server.url, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const json = async (res: Response) => ({ status: res.status, body: (await res.json()) as Record<string, unknown> & { error?: { code: string } } });
const auditActions = async () => (await server.db.query<{ action: string; actor: string }>("SELECT action, actor FROM audit_log WHERE action LIKE 'shift.%' ORDER BY id")).map((r) => `${r.actor} ${r.action}`);
// One instant for every change, so a run that crosses a shift boundary still acts on one shift.
const startedAt = new Date().toISOString();
const now = () => startedAt;

describe('shift handover', () => {
  let claimed: string;
  let open: string;

  it('shows a draft with the incidents open now and their claims', async () => {
    claimed = ((await (await postDetection(server.url, detection())).json()) as { incidentId: string }).incidentId;
    open = ((await (await postDetection(server.url, detection({ kind: 'reckless' }))).json()) as { incidentId: string }).incidentId;
    expect((await call('POST', `/api/v1/incidents/${claimed}/claim`, officer)).status).toBe(200);
    const { status, body } = await json(await call('GET', '/api/v1/shifts/handover', admin));
    expect(status).toBe(200);
    const handover = handoverSchema.parse(body);
    expect(handover).toMatchObject({ status: 'draft', notes: '', submittedBy: null });
    expect(handover.openIncidents.map((i) => i.id).sort()).toEqual([claimed, open].sort());
    expect(handover.openIncidents.find((i) => i.id === claimed)!.claimedBy?.username).toBe('officer1');
  });

  it('saves notes, submits (freezing the open incidents), and refuses edits afterwards', async () => {
    const notes = 'الدائري: دورية عند المعادي حتى ١٠ م';
    const saved = handoverSchema.parse((await json(await call('PUT', '/api/v1/shifts/handover', commander, { at: now(), notes }))).body);
    expect(saved).toMatchObject({ notes, notesBy: { username: 'commander1' } });
    const submitted = handoverSchema.parse((await json(await call('POST', '/api/v1/shifts/handover/submit', commander, { at: now() }))).body);
    expect(submitted).toMatchObject({ status: 'submitted', submittedBy: { username: 'commander1' }, notes });
    // An incident arriving after submission is not in the frozen record.
    await postDetection(server.url, detection({ kind: 'speeding' }));
    const later = handoverSchema.parse((await json(await call('GET', '/api/v1/shifts/handover', commander))).body);
    expect(later.openIncidents.map((i) => i.id).sort()).toEqual([claimed, open].sort());
    const edit = await json(await call('PUT', '/api/v1/shifts/handover', commander, { at: now(), notes: 'x' }));
    expect(edit.status).toBe(409);
    expect(edit.body.error?.code).toBe('invalid_transition');
  });

  it('is acknowledged by the next commander, not the one who submitted it, once', async () => {
    const self = await json(await call('POST', '/api/v1/shifts/handover/acknowledge', commander, { at: now() }));
    expect([self.status, self.body.error?.code]).toEqual([409, 'invalid_transition']);
    const acked = await json(await call('POST', '/api/v1/shifts/handover/acknowledge', incoming, { at: now() }));
    expect(acked.status).toBe(200);
    expect(handoverSchema.parse(acked.body)).toMatchObject({ status: 'acknowledged', acknowledgedBy: { username: 'commander2' } });
    expect((await call('POST', '/api/v1/shifts/handover/acknowledge', incoming, { at: now() })).status).toBe(409);
    expect(await auditActions()).toEqual([
      'commander1 shift.handover_notes_saved',
      'commander1 shift.handover_submitted',
      'commander2 shift.handover_acknowledged',
    ]);
  });

  it('refuses bad input, a future shift, admins writing and officers reading', async () => {
    const bad = await json(await call('PUT', '/api/v1/shifts/handover', commander, { at: 'tomorrow', notes: 'x'.repeat(5000) }));
    expect(bad.status).toBe(400);
    expect((bad.body.error as unknown as { details: { path: string }[] }).details.map((d) => d.path).sort()).toEqual(['at', 'notes']);
    const future = await json(await call('POST', '/api/v1/shifts/handover/submit', commander, { at: new Date(Date.now() + 2 * 86_400_000).toISOString() }));
    expect([future.status, future.body.error?.code]).toEqual([409, 'invalid_transition']);
    expect((await call('POST', '/api/v1/shifts/handover/submit', admin, { at: now() })).status).toBe(403);
    expect((await call('GET', '/api/v1/shifts/handover', officer)).status).toBe(403);
  });
});

describe('shift report', () => {
  it('carries the summary, the handover and the audit chain head as anchor', async () => {
    const { status, body } = await json(await call('GET', '/api/v1/shifts/report', commander));
    expect(status).toBe(200);
    const report = shiftReportSchema.parse(body);
    const [head] = await server.db.query<{ id: number; hash: string }>('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1');
    expect(report.auditAnchor).toMatchObject({ id: Number(head!.id), hash: head!.hash });
    expect(report.handover.status).toBe('acknowledged');
    expect(report.summary.counts.total).toBe(3);
  });

  it('anchors a past shift at its end, before anything was recorded here', async () => {
    const report = shiftReportSchema.parse((await json(await call('GET', '/api/v1/shifts/report?at=2020-01-01T10:00:00Z', admin))).body);
    expect(report.auditAnchor).toBeNull();
    expect(report.handover).toMatchObject({ status: 'draft', openIncidents: [] });
  });
});

describe('press statement', () => {
  it('proposes a bilingual draft from the shift, and refuses to export it unapproved', async () => {
    const draft = pressSummarySchema.parse((await json(await call('GET', '/api/v1/shifts/press', commander))).body);
    expect(draft).toMatchObject({ status: 'draft', generated: true });
    expect(draft.ar).toContain('٣ وقائع');
    expect(draft.en).toContain('recorded 3 incidents');
    const res = await json(await call('GET', `/api/v1/shifts/press/export?at=${encodeURIComponent(now())}`, commander));
    expect([res.status, res.body.error?.code]).toEqual([409, 'invalid_transition']);
    expect((await call('POST', '/api/v1/shifts/press/approve', commander, { at: now() })).status).toBe(409);
  });

  it('saves the edited text, approves it and exports it; an edit withdraws the approval', async () => {
    const text = { ar: 'رصدت الإدارة ٣ وقائع.', en: 'The directorate recorded 3 incidents.' };
    const saved = pressSummarySchema.parse((await json(await call('PUT', '/api/v1/shifts/press', commander, { at: now(), ...text }))).body);
    expect(saved).toMatchObject({ status: 'draft', generated: false, ...text, updatedBy: { username: 'commander1' } });
    expect((await call('GET', `/api/v1/shifts/press/export?at=${encodeURIComponent(now())}`, commander)).status).toBe(409);
    const approved = pressSummarySchema.parse((await json(await call('POST', '/api/v1/shifts/press/approve', incoming, { at: now() }))).body);
    expect(approved).toMatchObject({ status: 'approved', approvedBy: { username: 'commander2' } });

    const exported = await call('GET', `/api/v1/shifts/press/export?at=${encodeURIComponent(now())}&lang=both`, commander);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toMatch(/^text\/plain; charset=utf-8/);
    expect(exported.headers.get('content-disposition')).toMatch(/attachment; filename="?rasd-press-.*-both\.txt/);
    const body = await exported.text();
    expect(body).toContain(text.ar);
    expect(body).toContain(text.en);
    expect(body).toContain('approved: commander2');

    const edited = pressSummarySchema.parse((await json(await call('PUT', '/api/v1/shifts/press', commander, { at: now(), ...text, en: 'Edited.' }))).body);
    expect(edited.status).toBe('draft');
    expect((await call('GET', `/api/v1/shifts/press/export?at=${encodeURIComponent(now())}`, commander)).status).toBe(409);
    expect((await auditActions()).filter((a) => a.includes('press'))).toEqual([
      'commander1 shift.press_saved',
      'commander2 shift.press_approved',
      'commander1 shift.press_exported',
      'commander1 shift.press_saved',
    ]);
  });

  it('is the commanders’ alone, and validates the text', async () => {
    expect((await call('GET', '/api/v1/shifts/press', admin)).status).toBe(403);
    expect((await call('PUT', '/api/v1/shifts/press', admin, { at: now(), ar: 'x', en: 'y' })).status).toBe(403);
    const empty = await json(await call('PUT', '/api/v1/shifts/press', commander, { at: now(), ar: '  ', en: 'y' }));
    expect(empty.status).toBe(400);
  });
});

describe('configured shifts (RASD_SHIFT_STARTS)', () => {
  it('summarises two 12-hour shifts, 07–19 and 19–07, across midnight', async () => {
    const other = await createTestStore();
    const twelve = await startTestServer(other, { RASD_SHIFT_STARTS: '7,19' });
    try {
      const cookie = await login(twelve.url, 'commander');
      const night = shiftSummarySchema.parse(await (await fetch(`${twelve.url}/api/v1/shifts/summary?at=2026-11-27T23:30:00Z`, { headers: { cookie } })).json());
      expect(night.shift).toEqual({ start: '2026-11-27T17:00:00.000Z', end: '2026-11-28T05:00:00.000Z', label: '2026-11-27 19–07' });
      const report = shiftReportSchema.parse(await (await fetch(`${twelve.url}/api/v1/shifts/report?at=2026-11-28T06:00:00Z`, { headers: { cookie } })).json());
      expect(report.summary.shift.label).toBe('2026-11-28 07–19');
    } finally {
      await twelve.stop();
      await other.destroy();
    }
  });
});

describe('dispatch → on scene', () => {
  it('is measured from the dispatch to the unit reporting on scene, once dispatch data exists', async () => {
    const before = shiftSummarySchema.parse((await json(await call('GET', '/api/v1/shifts/summary', commander))).body);
    expect(before.responseTimes.dispatchToSceneMs).toBeUndefined();
    const dispatcher = await loginAs('dispatcher1');
    const created = await call('POST', '/api/v1/units', admin, { callSign: 'مرور ٧', kind: 'car' });
    expect(created.status).toBe(201);
    const { unit, key } = (await created.json()) as { unit: { id: string }; key: string };
    const device = (body: unknown) =>
      fetch(`${server.url}/api/v1/unit/reports`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await device({ position: { lat: 29.98, lon: 31.31 } })).status).toBe(200);
    const id = ((await (await postDetection(server.url, detection())).json()) as { incidentId: string }).incidentId;
    expect((await call('POST', `/api/v1/incidents/${id}/dispatch`, dispatcher, { unitIds: [unit.id] })).status).toBe(200);
    expect((await device({ status: 'on_scene' })).status).toBe(200);
    const after = shiftSummarySchema.parse((await json(await call('GET', '/api/v1/shifts/summary', commander))).body);
    expect(after.responseTimes.dispatchToSceneMs).toMatchObject({ n: 1, p50: expect.any(Number) });
    expect(after.responseTimes.dispatchToSceneMs!.p50!).toBeGreaterThanOrEqual(0);
  });
});
