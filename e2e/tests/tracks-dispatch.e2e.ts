import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Detection, Unit } from '@rasd/shared';
import { pointAt } from '@rasd/server/src/domain/geo/corridor-line';
import { roadGeography } from '@rasd/server/src/domain/road-geography';
import { createTraffic } from '@rasd/server/src/simulator/traffic';
import { artifactsDir, launchBrowser } from '../support/browser';
import { officerPassword, postDetection, startServer, type RunningServer } from '../support/server';

const users = ['dispatcher1:dispatcher', 'admin1:admin'].map((u) => `${u}:${officerPassword}`).join(',');

let server: RunningServer;
let browser: Browser;
let desk: Page;
const pageErrors: string[] = [];

const { registry } = roadGeography();
const line = registry.lines.get('mehwar_26_july')!;
// Wrong way on the 26 July axis' forward carriageway heads towards decreasing km: it starts at the last camera.
const cameras = [...registry.onCarriageway('mehwar_26_july', 'forward')].reverse();
const speedKmh = 110;
const gapS = ((cameras[0]!.km - cameras[1]!.km) / speedKmh) * 3600;

function seeded(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) % 2 ** 32;
    return seed / 2 ** 32;
  };
}

/** The simulator's traffic model drives one wrong-way car past three cameras, ending a few seconds ago. */
function simulatedWrongWayDriver(): Detection[] {
  const traffic = createTraffic([...registry.lines.values()], registry.cameras, { random: seeded(6), wrongWayEverySec: 1e9, otherEverySec: 1e9 });
  let t = Date.now() - (2 * gapS + 8) * 1000;
  const seen = [traffic.spawnWrongWay(new Date(t), { cameraId: cameras[0]!.id, speedKmh, exitAfterKm: 20 })];
  while (seen.length < 3) {
    t += 1000;
    seen.push(...traffic.step(new Date(t), 1).filter((d) => d.kind === 'wrong_way'));
  }
  return seen;
}

async function api(method: string, path: string, cookie: string, body?: unknown) {
  return fetch(`${server.url}${path}`, {
    method,
    headers: { cookie, origin: server.url, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function loginCookie(username: string): Promise<string> {
  const res = await api('POST', '/api/v1/session', '', { username, password: officerPassword });
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

/** An admin creates a unit; its device reports where it is. */
async function unitAt(admin: string, callSign: string, kind: 'car' | 'motorcycle', position: { lat: number; lon: number }) {
  const { unit, key } = (await (await api('POST', '/api/v1/units', admin, { callSign, kind })).json()) as { unit: Unit; key: string };
  const res = await fetch(`${server.url}/api/v1/unit/reports`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify({ position }) });
  expect(res.status).toBe(200);
  return { unit, key };
}

const watchErrors = (page: Page, who: string) => {
  page.on('pageerror', (e) => pageErrors.push(`${who}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 401/.test(m.text())) pageErrors.push(`${who}: ${m.text()}`);
  });
};

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ RASD_USERS: users }), launchBrowser()]);
  desk = await (await browser.newContext({ viewport: { width: 1600, height: 900 } })).newPage();
  watchErrors(desk, 'desk');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('wrong-way track, dispatch and the unit tablet', () => {
  let incidentId = '';
  let p101: { unit: Unit; key: string };

  it("folds the simulator's wrong-way driver seen by three cameras into one incident with its path and next camera", async () => {
    const admin = await loginCookie('admin1');
    p101 = await unitAt(admin, 'P-101', 'car', pointAt(line, cameras[2]!.km - 7));
    await unitAt(admin, 'M-201', 'motorcycle', pointAt(registry.lines.get('ring_road')!, 40));

    await desk.goto(server.url);
    await desk.fill('input[name="username"]', 'dispatcher1');
    await desk.fill('input[name="password"]', officerPassword);
    await desk.click('button[type="submit"]');
    await desk.waitForSelector('[data-testid="connection-status"][data-state="connected"]', { timeout: 10_000 });
    await desk.waitForSelector('.unit-marker', { timeout: 5_000 });

    const detections = simulatedWrongWayDriver();
    expect(detections.map((d) => d.cameraId)).toEqual(cameras.slice(0, 3).map((c) => c.id));
    const ids = new Set<string>();
    for (const [i, d] of detections.entries()) {
      const res = await postDetection(server.url, d);
      expect(res.status).toBe(201);
      incidentId = ((await res.json()) as { incidentId: string }).incidentId;
      ids.add(incidentId);
      await desk.waitForSelector(`.track-trail-${incidentId}`, { state: 'attached', timeout: 5_000 });
      await desk.waitForSelector(`[data-testid="incident-item"][data-incident-id="${incidentId}"]`, { timeout: 5_000 });
      if (i === 0) await desk.click(`[data-testid="incident-item"][data-incident-id="${incidentId}"]`);
      await desk.waitForFunction((n) => document.querySelectorAll('[data-testid="track-path-item"]').length === n, i + 1, { timeout: 5_000 });
    }
    expect(ids.size).toBe(1);
    expect(await desk.locator('.track-trail').count()).toBe(1);
    expect(await desk.locator('.track-projection').count()).toBe(1);
    expect(await desk.getAttribute('[data-testid="track-next-camera"] >> nth=0', 'data-camera-id')).toBe(cameras[3]!.id);
  });

  it('proposes the unit ahead with an intercept point and margin; the dispatcher assigns it', async () => {
    const best = desk.locator('[data-testid="proposal-item"]').first();
    await best.waitFor({ timeout: 10_000 });
    expect(await best.getAttribute('data-call-sign')).toBe('P-101');
    const margin = Number(await best.locator('[data-testid="proposal-intercept"]').getAttribute('data-margin-s'));
    expect(margin).toBeGreaterThanOrEqual(30);
    await desk.waitForSelector('.intercept-mark', { state: 'attached' });
    await desk.locator('[data-testid="dispatch-section"]').scrollIntoViewIfNeeded();
    await desk.screenshot({ path: `${artifactsDir}track-proposal.png` });

    await desk.click('[data-testid="dispatch-assign"]');
    await desk.waitForSelector('[data-testid="drawer-status"][data-status="dispatched"]', { timeout: 5_000 });
    await desk.waitForSelector(`[data-testid="assigned-unit"][data-unit-id="${p101.unit.id}"][data-status="en_route"]`, { timeout: 5_000 });
    await desk.waitForSelector(`.unit-${p101.unit.id}.unit-marker--en_route`, { state: 'attached', timeout: 5_000 });
    await desk.locator('[data-testid="dispatch-section"]').scrollIntoViewIfNeeded();
    await desk.screenshot({ path: `${artifactsDir}track-dispatched.png` });
  });

  it("shows the assignment on the unit's tablet, whose on-scene button reaches the desk live, and the desk's changes reach it", async () => {
    const tablet = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
    watchErrors(tablet, 'tablet');
    await tablet.goto(`${server.url}/unit`);
    await tablet.fill('input[name="unitKey"]', p101.key);
    await tablet.click('button[type="submit"]');
    await tablet.waitForSelector(`[data-testid="unit-assignment"][data-incident-id="${incidentId}"]`, { timeout: 10_000 });
    expect(await tablet.locator('[data-testid="unit-assignment"] h2').innerText()).toContain('عكس الاتجاه');
    expect(await tablet.locator('[data-testid="unit-intercept"]').innerText()).toMatch(/M2J-F-/);
    await tablet.screenshot({ path: `${artifactsDir}unit-tablet.png` });
    await tablet.click('[data-testid="unit-on_scene"]');
    await tablet.waitForSelector('[data-testid="unit-view"][data-status="on_scene"]', { timeout: 5_000 });
    await desk.waitForSelector(`[data-testid="assigned-unit"][data-unit-id="${p101.unit.id}"][data-status="on_scene"]`, { timeout: 5_000 });
    // The other way is pushed: with its channel up the tablet asks for its view only every 30 s,
    // yet a dispatcher's correction on the desk shows on it within seconds.
    await tablet.waitForSelector('[data-testid="unit-view"][data-live="yes"]', { timeout: 5_000 });
    await desk.selectOption(`[data-testid="unit-row"][data-unit-id="${p101.unit.id}"] [data-testid="unit-status-select"]`, 'en_route');
    await tablet.waitForSelector('[data-testid="unit-view"][data-status="en_route"]', { timeout: 5_000 });
    expect(pageErrors).toEqual([]);
  });
});
