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

  it('brings the map back to the whole city after zooming and panning, from the keyboard too', async () => {
    const corridor = page.locator('path.corridor').first();
    expect(await page.getAttribute('[data-testid="map-home"]', 'title')).toBe('Whole city');
    // Earlier steps selected incidents, which pans the map to them: start from the city view.
    await page.click('[data-testid="map-home"]');
    await page.waitForTimeout(600);
    const home = await corridor.boundingBox();
    await page.click('.leaflet-control-zoom-in');
    await page.click('.leaflet-control-zoom-in');
    const map = (await page.locator('[data-testid="desk-map"]').boundingBox())!;
    await page.mouse.move(map.x + map.width / 2, map.y + map.height / 2);
    await page.mouse.down();
    await page.mouse.move(map.x + map.width / 2 + 150, map.y + map.height / 2 + 90, { steps: 8 });
    await page.mouse.up();
    await page.waitForTimeout(600);
    const moved = (await corridor.boundingBox())!;
    // Leaflet clips paths to the view, so the box moves and changes size but does not simply scale.
    expect(Math.abs(moved.x - home!.x) + Math.abs(moved.y - home!.y) + Math.abs(moved.width - home!.width)).toBeGreaterThan(100);

    await page.focus('[data-testid="map-home"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      ([x, y, w]) => {
        const box = document.querySelector('path.corridor')!.getBoundingClientRect();
        return Math.abs(box.x - x) < 2 && Math.abs(box.y - y) < 2 && Math.abs(box.width - w) < 2;
      },
      [home!.x, home!.y, home!.width] as const,
      { timeout: 5_000 },
    );
    await page.screenshot({ path: `${artifactsDir}desk-home.png` });
  });
});
