import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { seriousViolations } from '../support/axe';
import { artifactsDir, launchBrowser } from '../support/browser';
import { officerPassword, postDetection, startServer, type RunningServer } from '../support/server';
import { formLogin } from '../support/session';

let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  // bypassCSP: axe-core is injected as an inline script, which the app's CSP rightly forbids.
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, bypassCSP: true });
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 401/.test(m.text())) pageErrors.push(m.text());
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function detect(kind: 'wrong_way' | 'reckless' | 'speeding', cameraId: string, lat: number, lon: number, plate: string): Promise<string> {
  const res = await postDetection(server.url, {
    eventId: `e2e-a11y-${kind}-${cameraId}-${Date.now()}`,
    cameraId,
    kind,
    observedAt: new Date().toISOString(),
    location: { lat, lon },
    speedKmh: 101,
    plate,
    vehicleClass: 'car',
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { incidentId: string }).incidentId;
}

describe('accessibility, alarms and language on the desk', () => {
  let critical: string;

  it('has no serious accessibility violation on the login page', async () => {
    await page.goto(server.url);
    await page.waitForSelector('input[name="username"]');
    expect(await seriousViolations(page, 'login')).toEqual([]);
  });

  it('flashes a new wrong-way incident on the desk until claimed; the sound can be silenced by keyboard, the incident stays', async () => {
    await formLogin(page, 'officer1', officerPassword);
    await page.waitForSelector('[data-testid="connection-status"][data-state="connected"]', { timeout: 10_000 });
    await detect('reckless', 'AU-N-003', 29.986, 31.289, 'ر ك ب ٣٣٣');
    await detect('speeding', 'M26-W-002', 30.064, 31.09, 'س ر ع ٤٤٤');
    critical = await detect('wrong_way', 'RR-F-007', 29.982611, 31.3162252, 'ق ص ب ١٢٣٤');
    await page.waitForSelector(`[data-testid="alarm-item"][data-incident-id="${critical}"]`, { timeout: 2_000 });
    expect(await page.getAttribute('[data-testid="alarm-banner"]', 'data-state')).toBe('sounding');
    expect(await page.getAttribute(`[data-testid="incident-item"][data-incident-id="${critical}"]`, 'data-alarm')).toBe('true');
    // The card shows its SLA timer (since the first alert).
    expect(await page.locator(`[data-testid="incident-item"][data-incident-id="${critical}"] [data-testid="card-timer-first"]`).innerText()).toMatch(/^[٠-٩]+:[٠-٩]{2}$/);
    // The map controls sit on the right in Arabic.
    expect(await page.locator('.leaflet-top.leaflet-right .leaflet-control-zoom').count()).toBe(1);
    await page.screenshot({ path: `${artifactsDir}desk-alarm-ar.png` });
    expect(await seriousViolations(page, 'desk')).toEqual([]);

    // Reached with Tab, as a keyboard user would, so the focus ring is the keyboard one.
    await page.focus(`[data-testid="alarm-item"][data-incident-id="${critical}"]`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('alarm-ack');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="alarm-banner"][data-state="silenced"]');
    expect(await page.locator(`[data-testid="alarm-item"][data-incident-id="${critical}"]`).count()).toBe(1);
    expect(await page.locator(`[data-testid="incident-item"][data-incident-id="${critical}"][data-alarm="true"]`).count()).toBe(1);
  });

  it('has no serious violation with the drawer open, and claiming ends the alarm', async () => {
    await page.click(`[data-testid="alarm-item"][data-incident-id="${critical}"]`);
    await page.waitForSelector(`[data-testid="incident-drawer"][data-incident-id="${critical}"]`);
    await page.waitForSelector('[data-testid="timeline-item"]');
    expect(await seriousViolations(page, 'drawer')).toEqual([]);
    await page.click('[data-testid="claim-button"]');
    await page.waitForSelector('[data-testid="alarm-banner"]', { state: 'detached', timeout: 3_000 });
    expect(await page.locator(`[data-testid="incident-item"][data-incident-id="${critical}"][data-alarm="true"]`).count()).toBe(0);
    await page.waitForSelector(`[data-incident-id="${critical}"] [data-testid="card-timer-claim"]`);
    await page.keyboard.press('Escape');
  });

  it('filters the queue and the map by kind from the keyboard, and shows a heat view', async () => {
    await page.focus('[data-testid="filter-kinds"] summary');
    await page.keyboard.press('Enter');
    await page.focus('[data-testid="filter-kinds"] input[value="wrong_way"]');
    await page.keyboard.press('Space');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="incident-item"]').length === 1);
    expect(await page.locator('[data-testid="incident-filtered"]').innerText()).toContain('٢');
    await page.click('[data-testid="map-mode-heat"]');
    await page.waitForSelector('canvas.leaflet-heatmap-layer');
    await page.screenshot({ path: `${artifactsDir}desk-heat-filtered-ar.png` });
    await page.click('[data-testid="filters-clear"]');
    await page.click('[data-testid="map-mode-markers"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="incident-item"]').length === 3);
  });

  it('switches digits to Latin, remembers it, and reads in English with the map controls on the left', async () => {
    await page.selectOption('[data-testid="numerals-setting"]', 'latn');
    await page.waitForFunction(() => /^\d+$/.test(document.querySelector('[data-testid="incident-count"]')?.textContent ?? ''));
    expect(await page.evaluate(() => localStorage.getItem('rasd.numerals'))).toBe('latn');
    await page.reload();
    await page.waitForSelector('[data-testid="connection-status"][data-state="connected"]', { timeout: 10_000 });
    expect(await page.locator('[data-testid="incident-count"]').innerText()).toBe('3');
    await page.selectOption('[data-testid="numerals-setting"]', 'auto');
    await page.click('[data-testid="language-toggle"]');
    await page.waitForFunction(() => document.documentElement.dir === 'ltr');
    expect(await page.locator('.leaflet-top.leaflet-left .leaflet-control-zoom').count()).toBe(1);
    expect(await page.getAttribute('.leaflet-control-zoom-in', 'title')).toBe('Zoom in');
    await page.click('[data-testid="incident-item"]');
    await page.waitForSelector('[data-testid="incident-drawer"]');
    // One camera so far: the noun agrees with the count.
    expect(await page.locator('[data-testid="track-speed"]').innerText()).toMatch(/Seen by 1 camera$/);
    await page.screenshot({ path: `${artifactsDir}desk-drawer-en.png` });
    expect(await seriousViolations(page, 'desk (en)')).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
