import { io as connectSocket, type Socket } from 'socket.io-client';
import { beforeAll, describe, expect, it } from 'vitest';
import { unitChannel, type Detection, type DispatchProposal, type Incident, type Role, type Unit, type UnitChannelEvents } from '@rasd/shared';
import { roadGeography } from '../src/domain/road-geography';
import { pointAt } from '../src/domain/geo/corridor-line';
import { connectDesk, connected, login, nextEvent, postDetection, useTestServer } from './harness';

const cookies: Partial<Record<Role, string>> = {};
const { registry } = roadGeography();
// Wrong way on the 26 July axis' forward carriageway runs towards decreasing km.
const cameras = [...registry.onCarriageway('mehwar_26_july', 'forward')].reverse();
const line = registry.lines.get('mehwar_26_july')!;
const gapS = ((cameras[0]!.km - cameras[1]!.km) / 100) * 3600;

const server = useTestServer();
beforeAll(async () => {
  for (const role of ['officer', 'dispatcher', 'commander', 'admin'] as Role[]) cookies[role] = await login(server.url, role);
});

interface Ids {
  incidentId: string;
}

let n = 0;
/** A wrong-way sighting by the i-th camera the driver meets, `agoS` seconds ago. */
function sighting(i: number, agoS: number, plate?: string): Detection {
  const camera = cameras[i]!;
  return { eventId: `track-${Date.now()}-${++n}`, cameraId: camera.id, kind: 'wrong_way', observedAt: new Date(Date.now() - agoS * 1000).toISOString(), location: camera.location, speedKmh: 100, ...(plate ? { plate } : {}) };
}

const call = (method: string, path: string, cookie: string | null, body?: unknown) =>
  fetch(`${server.url}${path}`, {
    method,
    headers: { origin: server.url, 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const device = (key: string, body?: unknown) =>
  fetch(`${server.url}/api/v1/unit/${body === undefined ? 'me' : 'reports'}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

/** A unit's tablet waiting on the push channel, counting the times it was told its view changed. */
function connectTablet(key: string | null, origin = server.url) {
  const socket: Socket<UnitChannelEvents> = connectSocket(`${server.url}${unitChannel.namespace}`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    extraHeaders: { origin, ...(key === null ? { cookie: cookies.officer! } : {}) },
    ...(key === null ? {} : { auth: { unitKey: key } }),
  });
  const tablet = { socket, pokes: 0, next: () => new Promise<void>((resolve) => socket.once(unitChannel.changed, () => resolve())) };
  socket.on(unitChannel.changed, () => void tablet.pokes++);
  return tablet;
}
const opened = (socket: Socket<UnitChannelEvents>) =>
  new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
const refusal = (socket: Socket<UnitChannelEvents>) =>
  new Promise<string>((resolve, reject) => {
    socket.once('connect', () => reject(new Error('the tablet socket was let in')));
    socket.once('connect_error', (e) => resolve(e.message));
  });

async function createUnit(callSign: string, kind: 'car' | 'motorcycle', km: number) {
  const res = await call('POST', '/api/v1/units', cookies.admin!, { callSign, kind });
  expect(res.status).toBe(201);
  const { unit, key } = (await res.json()) as { unit: Unit; key: string };
  expect((await device(key, { position: pointAt(line, km) })).status).toBe(200);
  return { unit, key };
}

describe('wrong-way tracks over HTTP and sockets', () => {
  it('folds three successive cameras into one incident, live on every dashboard, with path and next camera', async () => {
    const desk = connectDesk(server.url, cookies.officer!);
    await connected(desk);
    const ids: string[] = [];
    for (const [i, ago] of [[0, 2 * gapS + 5], [1, gapS + 5], [2, 5]] as const) {
      const live = nextEvent(desk, 'incident:upsert');
      const res = await postDetection(server.url, sighting(i, ago, 'ق ص ب ١٢٣٤'));
      expect(res.status).toBe(201);
      ids.push(((await res.json()) as { incidentId: string }).incidentId);
      const incident = (await live) as Incident;
      expect(incident.track!.path).toHaveLength(i + 1);
    }
    desk.close();
    expect(new Set(ids).size).toBe(1);
    const detail = (await (await call('GET', `/api/v1/incidents/${ids[0]}`, cookies.officer!)).json()) as Incident & { history: { type: string }[]; alerts: unknown[] };
    expect(detail.alertCount).toBe(3);
    expect(detail.alerts).toHaveLength(3);
    expect(detail.history.map((h) => h.type)).toEqual(['opened', 'track_extended', 'track_extended']);
    expect(detail.track!.nextCameras[0]!.cameraId).toBe(cameras[3]!.id);
    expect(detail).toMatchObject({ corridorId: 'mehwar_26_july', plate: 'ق ص ب ١٢٣٤', cameraId: cameras[2]!.id, location: cameras[2]!.location });
  });

  it('keeps a second vehicle with another plate, and a detection from an unregistered camera, apart', async () => {
    const a = (await (await postDetection(server.url, sighting(5, gapS + 5, 'م ن ٧٧'))).json()) as Ids;
    const b = (await (await postDetection(server.url, sighting(6, 5, 'ع ف ٩٨'))).json()) as Ids;
    const c = (await (await postDetection(server.url, { ...sighting(6, 4), cameraId: 'RR-N-017' })).json()) as Ids;
    expect(new Set([a.incidentId, b.incidentId, c.incidentId]).size).toBe(3);
    const unregistered = (await (await call('GET', `/api/v1/incidents/${c.incidentId}`, cookies.officer!)).json()) as Incident;
    expect(unregistered.track).toBeUndefined();
  });

  it('folds sightings submitted in one turn, which one transaction writes together, into one track', async () => {
    const plate = 'ط ل ٣٣٣';
    const together = [sighting(3, 2 * gapS + 5, plate), sighting(5, 5, plate), sighting(4, gapS + 5, plate)];
    const noise = Array.from({ length: 5 }, (_, i) => ({ ...sighting(0, 1), cameraId: 'RR-N-017', kind: 'reckless' as const, eventId: `noise-${Date.now()}-${i}` }));
    // Submitted without awaiting in between: the group commit takes them all in one batch.
    const outcomes = await Promise.all([...noise, ...together].map((d) => server.app.ingest.ingestDetection('cam-gw', d)));
    const trackIds = new Set(outcomes.slice(noise.length).map((o) => o.result.incidentId));
    expect(trackIds.size).toBe(1);
    const detail = (await (await call('GET', `/api/v1/incidents/${[...trackIds][0]}`, cookies.officer!)).json()) as Incident & { alerts: unknown[] };
    expect(detail.alerts).toHaveLength(3);
    expect(detail.track!.path.map((p) => p.cameraId)).toEqual([cameras[3]!.id, cameras[4]!.id, cameras[5]!.id]);
    expect(detail.alertCount).toBe(3);
  });
});

describe('patrol units and dispatch', () => {
  let trackId: string;
  let ahead: { unit: Unit; key: string };
  let behind: { unit: Unit; key: string };

  beforeAll(async () => {
    const first = (await (await postDetection(server.url, sighting(8, gapS + 3, 'د ر ٤٥٦'))).json()) as Ids;
    await postDetection(server.url, sighting(9, 3, 'د ر ٤٥٦'));
    trackId = first.incidentId;
    // One unit well ahead of the vehicle, one behind it.
    ahead = await createUnit('P-AHEAD', 'car', cameras[9]!.km - 6);
    behind = await createUnit('P-BEHIND', 'motorcycle', cameras[8]!.km + 2);
  });

  it('lets a device report its position and status with its own key only, and dashboards see it live', async () => {
    const desk = connectDesk(server.url, cookies.dispatcher!);
    await connected(desk);
    const live = nextEvent(desk, 'unit:upsert');
    const res = await device(ahead.key, { position: pointAt(line, cameras[9]!.km - 6.1) });
    expect(res.status).toBe(200);
    expect(await live).toMatchObject({ id: ahead.unit.id, position: pointAt(line, cameras[9]!.km - 6.1) });
    desk.close();
    expect((await device('wrong-key', { status: 'available' })).status).toBe(401);
    const bad = await device(ahead.key, { position: { lat: 200, lon: 31 } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { details: { path: string }[] } }).error.details[0]!.path).toBe('position.lat');
    // Without an assignment a unit cannot be on scene.
    expect((await device(ahead.key, { status: 'on_scene' })).status).toBe(409);
  });

  it('proposes the unit ahead of the wrong-way vehicle with an intercept point and margin, and the unit behind without', async () => {
    const res = await call('GET', `/api/v1/incidents/${trackId}/dispatch-proposal`, cookies.dispatcher!);
    expect(res.status).toBe(200);
    const proposal = (await res.json()) as DispatchProposal;
    expect(proposal.units.map((u) => u.callSign)).toEqual(['P-AHEAD', 'P-BEHIND']);
    const [best, other] = proposal.units;
    expect(best!.intercept).toMatchObject({ corridorId: 'mehwar_26_july', nearestCameraId: expect.stringMatching(/^M2J-F-/) });
    expect(best!.intercept!.marginS).toBeGreaterThanOrEqual(30);
    expect(best!.intercept!.km).toBeLessThan(cameras[9]!.km);
    expect(other!.intercept).toBeNull();
    expect((await call('GET', `/api/v1/incidents/${trackId}/dispatch-proposal`, cookies.officer!)).status).toBe(403);
  });

  it('dispatches the proposed unit: the incident is dispatched, the unit en route, and its tablet shows the assignment', async () => {
    expect((await call('POST', `/api/v1/incidents/${trackId}/dispatch`, cookies.officer!, { unitIds: [ahead.unit.id] })).status).toBe(403);
    expect((await call('POST', `/api/v1/incidents/${trackId}/dispatch`, cookies.dispatcher!, { unitIds: ['nope'] })).status).toBe(400);
    expect((await call('POST', `/api/v1/incidents/${trackId}/dispatch`, cookies.dispatcher!, { unitIds: [] })).status).toBe(400);
    const desk = connectDesk(server.url, cookies.officer!);
    await connected(desk);
    const tablet = connectTablet(ahead.key);
    const otherTablet = connectTablet(behind.key);
    await Promise.all([opened(tablet.socket), opened(otherTablet.socket)]);
    const told = tablet.next();
    const unitLive = nextEvent(desk, 'unit:upsert');
    const res = await call('POST', `/api/v1/incidents/${trackId}/dispatch`, cookies.dispatcher!, { unitIds: [ahead.unit.id] });
    expect(res.status).toBe(200);
    const incident = (await res.json()) as Incident;
    expect(incident).toMatchObject({ status: 'dispatched', assignedUnits: [{ unitId: ahead.unit.id, callSign: 'P-AHEAD', by: 'dispatcher1' }] });
    const unit = (await unitLive) as Unit;
    expect(unit).toMatchObject({ status: 'en_route', assignment: { incidentId: trackId } });
    // Stored before it was sent: the unit's seq is the incident change's.
    expect(unit.seq).toBe(incident.seq);
    desk.close();
    // The tablet is told at once rather than finding out at its next poll.
    await told;
    // So is it when the incident it is sent to changes (here a commander takes it over).
    const toldAgain = tablet.next();
    expect((await call('POST', `/api/v1/incidents/${trackId}/takeover`, cookies.commander!)).status).toBe(200);
    await toldAgain;
    expect(otherTablet.pokes).toBe(0);
    tablet.socket.close();
    otherTablet.socket.close();
    const me = (await (await device(ahead.key)).json()) as { unit: Unit; incident: Incident; intercept: { corridorId: string; marginS: number } | null };
    expect(me.incident).toMatchObject({ id: trackId, status: 'dispatched', kind: 'wrong_way' });
    // The crew is told where to get ahead of the vehicle.
    expect(me.intercept).toMatchObject({ corridorId: 'mehwar_26_july' });
    expect(me.intercept!.marginS).toBeGreaterThanOrEqual(30);
    // A unit already en route cannot be sent again elsewhere; nothing changes.
    const other = (await (await postDetection(server.url, { ...sighting(2, 1), cameraId: 'RR-N-017', kind: 'reckless' })).json()) as Ids;
    const busy = await call('POST', `/api/v1/incidents/${other.incidentId}/dispatch`, cookies.dispatcher!, { unitIds: [ahead.unit.id] });
    expect(busy.status).toBe(409);
    const untouched = (await (await call('GET', `/api/v1/incidents/${other.incidentId}`, cookies.officer!)).json()) as Incident;
    expect(untouched.status).toBe('new');
  });

  it('lets only a unit key onto the tablets\' push channel, from the desk\'s own origin', async () => {
    expect(await refusal(connectTablet('wrong-key').socket)).toBe('unauthorized');
    // A desk's session cookie is not a unit key.
    expect(await refusal(connectTablet(null).socket)).toBe('unauthorized');
    // Cross-site websocket hijacking: a valid key from a foreign page is refused at the handshake.
    expect(await refusal(connectTablet(ahead.key, 'https://evil.example').socket)).not.toBe('');
  });

  it('takes en route → on scene → done from the tablet, and a dispatcher can set a status by hand', async () => {
    expect(((await (await device(ahead.key, { status: 'on_scene' })).json()) as { unit: Unit }).unit.status).toBe('on_scene');
    const done = ((await (await device(ahead.key, { status: 'available' })).json()) as { unit: Unit }).unit;
    expect(done).toMatchObject({ status: 'available', assignment: null });
    expect((await call('PATCH', `/api/v1/units/${ahead.unit.id}`, cookies.officer!, { status: 'off_duty' })).status).toBe(403);
    const manual = await call('PATCH', `/api/v1/units/${ahead.unit.id}`, cookies.dispatcher!, { status: 'off_duty' });
    expect(((await manual.json()) as { unit: Unit }).unit.status).toBe('off_duty');
    expect((await call('PATCH', `/api/v1/units/${ahead.unit.id}`, cookies.dispatcher!, { status: 'parked' })).status).toBe(400);
    const audit = (await (await call('GET', '/api/v1/audit/verify', cookies.commander!)).json()) as { ok: boolean };
    expect(audit.ok).toBe(true);
  });

  it('replaces a lost tablet\'s key: the old key stops at once, its open channel is closed, the new key works', async () => {
    const lost = await createUnit('P-LOST', 'car', cameras[5]!.km);
    const tablet = connectTablet(lost.key);
    await opened(tablet.socket);
    const cut = new Promise<string>((resolve) => tablet.socket.once('disconnect', resolve));
    // Only an administrator may; an unknown unit is a 404 and changes nothing.
    for (const role of ['officer', 'dispatcher', 'commander'] as Role[]) expect((await call('POST', `/api/v1/units/${lost.unit.id}/key`, cookies[role]!)).status).toBe(403);
    expect((await call('POST', '/api/v1/units/no-such-unit/key', cookies.admin!)).status).toBe(404);
    expect((await device(lost.key)).status).toBe(200);

    const res = await call('POST', `/api/v1/units/${lost.unit.id}/key`, cookies.admin!);
    expect(res.status).toBe(200);
    const { unit, key } = (await res.json()) as { unit: Unit; key: string };
    expect(unit).toMatchObject({ id: lost.unit.id, callSign: 'P-LOST' });
    expect(key).not.toBe(lost.key);
    expect(await cut).toBe('io server disconnect');
    expect((await device(lost.key)).status).toBe(401);
    expect((await device(lost.key, { status: 'on_scene' })).status).toBe(401);
    expect(await refusal(connectTablet(lost.key).socket)).toBe('unauthorized');
    expect((await device(key)).status).toBe(200);
    const fresh = connectTablet(key);
    await opened(fresh.socket);
    fresh.socket.close();
    const audit = (await (await call('GET', '/api/v1/audit/verify', cookies.commander!)).json()) as { ok: boolean };
    expect(audit.ok).toBe(true);
  });

  it('guards the unit routes by role and documents them in the OpenAPI document', async () => {
    const seen = async (method: string, path: string, body?: unknown) =>
      Promise.all((['officer', 'dispatcher', 'commander', 'admin'] as Role[]).map(async (r) => (await call(method, path, cookies[r]!, body)).status));
    expect(await seen('GET', '/api/v1/units')).toEqual([200, 200, 200, 200]);
    expect(await seen('POST', '/api/v1/units', { callSign: '', kind: 'car' })).toEqual([403, 403, 403, 400]);
    expect((await call('GET', '/api/v1/units', null)).status).toBe(401);
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as { paths: Record<string, unknown>; components: { securitySchemes: Record<string, unknown> } };
    for (const path of ['/api/v1/units', '/api/v1/units/{id}', '/api/v1/units/{id}/key', '/api/v1/unit/reports', '/api/v1/unit/me', '/api/v1/incidents/{id}/dispatch', '/api/v1/incidents/{id}/dispatch-proposal']) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.components.securitySchemes.unitKey).toMatchObject({ scheme: 'bearer' });
  });
});
