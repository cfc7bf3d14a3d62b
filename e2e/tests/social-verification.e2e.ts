import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { artifactsDir, launchBrowser } from '../support/browser';
import { ingestSecret, officerPassword, startServer, type RunningServer } from '../support/server';

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a citizen video, from the queue to summons and impound', () => {
  it('appears in the queue, is claimed and verified, and takes summons and vehicle impound', async () => {
    await page.goto(server.url);
    await page.fill('input[name="username"]', 'officer1');
    await page.fill('input[name="password"]', officerPassword);
    await page.click('button[type="submit"]');
    await page.waitForSelector('[data-testid="connection-status"][data-state="connected"]');

    const res = await fetch(`${server.url}/api/v1/social-reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ingestSecret}` },
      body: JSON.stringify({
        platform: 'tiktok',
        postUrl: 'https://www.tiktok.com/@witness/video/7301234567?is_from_webapp=1',
        postedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
        text: 'ملاكي ماشية عكس الاتجاه على كوبري أكتوبر نازل عبد المنعم رياض ونمرتها ر ل ٥٥٦ 😡',
        author: 'witness',
        mediaUrls: ['https://media.example.org/v/7301234567.mp4'],
        engagement: { views: 120000, likes: 5000, shares: 900, comments: 300 },
      }),
    });
    expect(res.status).toBe(201);
    const { incidentId, extracted } = (await res.json()) as { incidentId: string; extracted: { kind: string; corridorId: string; plate: string } };
    expect(extracted).toEqual({ kind: 'wrong_way', corridorId: 'kobri_6_october', plate: 'ر ل ٥٥٦' });

    const item = page.locator(`[data-testid="incident-item"][data-incident-id="${incidentId}"]`);
    await item.waitFor({ timeout: 5_000 });
    expect(await item.getAttribute('data-status')).toBe('verifying');
    await item.click();
    const drawer = `[data-testid="incident-drawer"][data-incident-id="${incidentId}"]`;
    await page.waitForSelector(drawer);
    expect(await page.locator(`${drawer} [data-testid="alert-item"][data-source="social"]`).innerText()).toContain('كوبري أكتوبر');
    const media = page.locator(`${drawer} [data-testid="media-link"]`).first();
    expect(await media.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await media.getAttribute('target')).toBe('_blank');

    await page.click('[data-testid="claim-button"]');
    await page.waitForSelector('[data-testid="verify-panel"]');
    // Legal action waits for verification.
    expect(await page.locator('[data-testid="action-open"]').count()).toBe(0);
    await page.click('[data-testid="verify-accept"]');
    await page.waitForSelector('[data-testid="action-open"]');

    for (const type of ['summons', 'vehicle_impound']) {
      await page.click('[data-testid="action-open"]');
      await page.waitForSelector('[data-testid="action-form"]');
      await page.selectOption('select[name="type"]', type);
      await page.fill('input[name="plate"]', 'رل556');
      await page.click('[data-testid="action-submit"]');
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="action-item"]').length === n, type === 'summons' ? 1 : 2);
    }
    const actions = await page.locator('[data-testid="action-item"]').allInnerTexts();
    expect(actions.join('\n')).toContain('ر ل ٥٥٦');
    await page.screenshot({ path: `${artifactsDir}social-verified-ar.png` });

    const stored = (await (await page.request.get(`${server.url}/api/v1/incidents/${incidentId}`)).json()) as { status: string; verification: { verdict: string }; actions: { type: string }[] };
    expect(stored.verification.verdict).toBe('verified');
    expect(stored.actions.map((a) => a.type)).toEqual(['summons', 'vehicle_impound']);
  });
});
