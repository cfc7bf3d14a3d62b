import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { artifactsDir, launchBrowser } from '../support/browser';
import { officerPassword, postDetection, startServer, type RunningServer } from '../support/server';

let server: RunningServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    // The page asks who is logged in before the login form; that 401 is expected.
    if (m.type() === 'error' && !/status of 401/.test(m.text())) pageErrors.push(m.text());
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function detection(kind: 'wrong_way' | 'reckless', n: number) {
  return {
    eventId: `e2e-${kind}-${n}-${Date.now()}`,
    cameraId: 'RR-F-007',
    kind,
    observedAt: new Date().toISOString(),
    location: { lat: 29.982611 + n * 0.01, lon: 31.3162252 },
    speedKmh: 95,
    plate: 'ق ص ب ١٢٣٤',
    vehicleClass: 'car',
  };
}

describe('desk', () => {
  it('logs in through the form and shows a live detection on the map and in the list', async () => {
    await page.goto(server.url);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await page.fill('input[name="username"]', 'officer1');
    await page.fill('input[name="password"]', officerPassword);
    await page.click('button[type="submit"]');
    await page.waitForSelector('[data-testid="connection-status"][data-state="connected"]', { timeout: 10_000 });
    expect(await page.locator('path.corridor').count()).toBeGreaterThan(5);

    const started = Date.now();
    const res = await postDetection(server.url, detection('wrong_way', 1));
    expect(res.status).toBe(201);
    const { incidentId } = await res.json();
    await page.waitForSelector(`[data-testid="incident-item"][data-incident-id="${incidentId}"]`, { timeout: 5_000 });
    await page.waitForSelector(`.incident-${incidentId}`, { state: 'attached', timeout: 5_000 });
    const latencyMs = Date.now() - started;
    console.log(`detection → list and marker in ${latencyMs} ms`);
    expect(latencyMs).toBeLessThan(3_000);
    const item = page.locator(`[data-testid="incident-item"][data-incident-id="${incidentId}"]`);
    expect(await item.innerText()).toContain('عكس الاتجاه');
    await page.screenshot({ path: `${artifactsDir}desk.png` });
    expect(pageErrors).toEqual([]);
  });

  it('catches up on a detection posted while the dashboard was offline', async () => {
    await page.context().setOffline(true);
    await page.evaluate(() => window.dispatchEvent(new Event('offline')));
    await page.waitForSelector('[data-testid="connection-status"]:not([data-state="connected"])', { timeout: 30_000 });
    const { incidentId } = await (await postDetection(server.url, detection('reckless', 2))).json();
    await new Promise((r) => setTimeout(r, 500));
    expect(await page.locator(`[data-incident-id="${incidentId}"]`).count()).toBe(0);
    await page.context().setOffline(false);
    await page.waitForSelector('[data-testid="connection-status"][data-state="connected"]', { timeout: 30_000 });
    await page.waitForSelector(`[data-testid="incident-item"][data-incident-id="${incidentId}"]`, { timeout: 10_000 });
  });

  it('switches to English, left to right', async () => {
    await page.click('[data-testid="language-toggle"]');
    await page.waitForFunction(() => document.documentElement.dir === 'ltr');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('[data-testid="incident-item"]').first().innerText()).toMatch(/Wrong-way|Reckless/);
    await page.screenshot({ path: `${artifactsDir}desk-en.png` });
  });
});
