import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seriousViolations } from '../support/axe';
import { artifactsDir, launchBrowser } from '../support/browser';
import { officerPassword, postDetection, startServer, type RunningServer } from '../support/server';
import { apiLogin, formLogin, incidentCommand } from '../support/session';

// The wall signs in with an account of its own, role officer (see client/README).
const users = ['officer1:officer', 'commander1:commander', 'wall1:officer'].map((u) => `${u}:${officerPassword}`).join(',');
const env = { RASD_USERS: users, RASD_ESCALATE_AFTER_S: '4' };

let server: RunningServer;
let browser: Browser;
let wallContext: BrowserContext;
let wall: Page;
let officerCookie: string;
const pageErrors: string[] = [];

beforeAll(async () => {
  // A TV kiosk runs its browser with this flag (client/README); without it the first alarm would wait for a touch.
  [server, browser] = await Promise.all([startServer(env), launchBrowser(['--autoplay-policy=no-user-gesture-required'])]);
  wallContext = await browser.newContext({ viewport: { width: 1920, height: 1080 }, bypassCSP: true });
  wall = await wallContext.newPage();
  wall.on('pageerror', (e) => pageErrors.push(e.message));
  wall.on('console', (m) => {
    // 401: the pre-login check; connection errors: the server restart and the offline step, on purpose.
    if (m.type() === 'error' && !/status of 401|ERR_INTERNET_DISCONNECTED|ERR_CONNECTION|WebSocket/.test(m.text())) pageErrors.push(m.text());
  });
  officerCookie = await apiLogin(server.url, 'officer1', officerPassword);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

// Each on its own corridor, camera and plate, so the tracker never joins two of them into one incident.
const places = {
  ringRoad: { cameraId: 'RR-F-007', lat: 29.982611, lon: 31.3162252, plate: 'ن ط ر ٤٥٦' },
  salahSalem: { cameraId: 'SS-E-004', lat: 30.038, lon: 31.27, plate: 'س م ع ٧٨٩' },
  july26: { cameraId: 'M26-W-002', lat: 30.064, lon: 31.09, plate: 'ب ج د ١٢١' },
} as const;

let n = 0;
async function wrongWay(place: keyof typeof places): Promise<string> {
  n += 1;
  const { cameraId, lat, lon, plate } = places[place];
  const res = await postDetection(server.url, {
    eventId: `e2e-wall-${n}-${Date.now()}`,
    cameraId,
    kind: 'wrong_way',
    observedAt: new Date().toISOString(),
    location: { lat, lon },
    speedKmh: 88,
    plate,
    vehicleClass: 'car',
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { incidentId: string }).incidentId;
}

const alarmItem = (id: string) => `[data-testid="wall-alarm-item"][data-incident-id="${id}"]`;
const connected = () => wall.waitForSelector('[data-testid="wall-reconnecting"]', { state: 'detached', timeout: 30_000 });

describe('wall display', () => {
  let first: string;
  let escalating: string;

  it('signs in once and shows the room: counters, clock, map, no alarm', async () => {
    await wall.goto(`${server.url}/wall`);
    await formLogin(wall, 'wall1', officerPassword);
    await wall.waitForSelector('[data-testid="wall"]');
    await connected();
    await wall.waitForSelector('[data-testid="wall-alarm"][data-state="off"]');
    expect(await wall.getAttribute('html', 'dir')).toBe('rtl');
    expect(await wall.locator('path.corridor').count()).toBeGreaterThan(5);
    // Cairo time in Arabic-Indic digits.
    expect(await wall.locator('.wall-time').innerText()).toMatch(/^[٠-٩]{2}:[٠-٩]{2}:[٠-٩]{2}$/);
    await wall.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  });

  it('shows a new critical incident with the alarm within a second, sounding', async () => {
    const started = Date.now();
    first = await wrongWay('ringRoad');
    await wall.waitForSelector(alarmItem(first), { timeout: 1_000 });
    const ms = Date.now() - started;
    console.log(`wrong-way detection → wall alarm in ${ms} ms`);
    expect(ms).toBeLessThan(1_000);
    expect(await wall.getAttribute('[data-testid="wall-alarm"]', 'data-state')).toBe('on');
    await wall.waitForSelector('[data-testid="wall-alarm"][data-sound="playing"]', { timeout: 2_000 });
    expect(await wall.locator(`path.incident-${first}.incident-marker--alarm`).count()).toBe(1);
    // Kind above place in one column, the waiting time large beside both (to their left, right to left).
    const box = async (part: string) => (await wall.locator(`${alarmItem(first)} .wall-alarm-${part}`).boundingBox())!;
    const kind = await box('kind');
    const where = await box('where');
    const elapsed = await box('elapsed');
    expect(where.y).toBeGreaterThanOrEqual(kind.y + kind.height - 1);
    expect(elapsed.x + elapsed.width).toBeLessThanOrEqual(Math.min(kind.x, where.x) + 1);
    expect(await wall.locator('[data-testid="wall-counter-critical"] .wall-counter-value').innerText()).toBe('١');
    expect(await wall.locator('[data-testid="wall-ticker"]').innerText()).toContain('سير عكس الاتجاه');
  });

  it('clears the alarm when someone claims the incident', async () => {
    const started = Date.now();
    expect((await incidentCommand(server.url, officerCookie, first, 'claim')).status).toBe(200);
    await wall.waitForSelector(alarmItem(first), { state: 'detached', timeout: 1_000 });
    console.log(`claim → wall alarm cleared in ${Date.now() - started} ms`);
    await wall.waitForSelector('[data-testid="wall-alarm"][data-state="off"][data-sound="off"]');
    expect(await wall.locator(`path.incident-${first}.incident-marker--alarm`).count()).toBe(0);
    // The median claim time follows from the server within a few seconds.
    await wall.waitForFunction(() => document.querySelector('[data-testid="wall-counter-median"] .wall-counter-value')?.textContent !== '—', undefined, { timeout: 8_000 });
  });

  it('shows the escalation of an unclaimed critical incident after the configured time, and tells commanders', async () => {
    const commanderContext = await browser.newContext({ viewport: { width: 1600, height: 900 } });
    const commander = await commanderContext.newPage();
    await commander.goto(server.url);
    await formLogin(commander, 'commander1', officerPassword);
    await commander.waitForSelector('[data-testid="connection-status"][data-state="connected"]', { timeout: 10_000 });

    escalating = await wrongWay('salahSalem');
    await wall.waitForSelector(alarmItem(escalating), { timeout: 1_000 });
    expect(await wall.getAttribute(alarmItem(escalating), 'data-escalated')).toBe('false');
    // RASD_ESCALATE_AFTER_S=4, swept every second.
    await wall.waitForSelector(`${alarmItem(escalating)}[data-escalated="true"]`, { timeout: 8_000 });
    expect(await wall.locator(`path.incident-${escalating}.incident-marker--escalated`).count()).toBe(1);
    await commander.waitForSelector(`[data-testid="toast"][data-incident-id="${escalating}"]`, { timeout: 3_000 });
    await commander.waitForSelector(`[data-testid="incident-item"][data-incident-id="${escalating}"][data-escalated="true"]`);
    await commander.screenshot({ path: `${artifactsDir}desk-escalated-toast-ar.png` });
    await commanderContext.close();

    // The whole map is on screen (no part of the framed corridors below the TV's edge).
    const box = (await wall.locator('.wall-map').boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(1080);
    await wall.waitForTimeout(300);
    await wall.screenshot({ path: `${artifactsDir}wall-ar.png` });
    expect(await seriousViolations(wall, 'wall')).toEqual([]);
  });

  it('survives a server restart: a clear banner, then everything it missed, with no reload', async () => {
    await server.stop({ keepData: true });
    await wall.waitForSelector('[data-testid="wall-reconnecting"]', { timeout: 10_000 });
    await wall.waitForTimeout(1_200);
    await wall.screenshot({ path: `${artifactsDir}wall-reconnecting-ar.png` });
    // Keep the wall away until the changes below are made, so they can only reach it by catch-up.
    await wallContext.setOffline(true);
    server = await startServer(env, { port: server.port, dataDir: server.dataDir });
    const missed = await wrongWay('july26');
    expect((await incidentCommand(server.url, officerCookie, escalating, 'claim')).status).toBe(200);
    await wallContext.setOffline(false);
    await connected();
    await wall.waitForSelector(alarmItem(missed), { timeout: 10_000 });
    await wall.waitForSelector(alarmItem(escalating), { state: 'detached', timeout: 10_000 });
    expect(await wall.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  });

  it('reads in English, left to right, with Latin digits, from its address', async () => {
    await wall.goto(`${server.url}/wall?lang=en&numerals=latn`);
    await wall.waitForSelector('[data-testid="wall"]');
    await connected();
    expect(await wall.getAttribute('html', 'dir')).toBe('ltr');
    expect(await wall.locator('.wall-time').innerText()).toMatch(/^\d{2}:\d{2}:\d{2}$/);
    expect(await wall.locator('[data-testid="wall-alarm"]').innerText()).toContain('critical incident');
    await wall.waitForTimeout(300);
    await wall.screenshot({ path: `${artifactsDir}wall-en.png` });
    expect(await seriousViolations(wall, 'wall (en)')).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
