import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { seriousViolations } from '../support/axe';
import { artifactsDir, launchBrowser } from '../support/browser';
import { ingestSecret, officerPassword, startServer, type RunningServer } from '../support/server';
import { formLogin } from '../support/session';

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

/** Posts a citizen report as the monitoring team's tool would; answers the incident it landed in. */
async function report(body: Record<string, unknown>): Promise<string> {
  const res = await fetch(`${server.url}/api/v1/social-reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ingestSecret}` },
    body: JSON.stringify({ postedAt: new Date().toISOString(), ...body }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { incidentId: string }).incidentId;
}

const socialItems = '[data-testid="social-queue"] [data-testid="incident-item"]';
const queueOrder = (p: Page) => p.locator(socialItems).evaluateAll((items) => items.map((i) => i.getAttribute('data-incident-id')));
/** Waits until `first` is listed above `second` in the social queue. */
const ranked = (p: Page, first: string, second: string) =>
  p.waitForFunction(
    ([a, b, selector]) => {
      const ids = Array.from(document.querySelectorAll(selector!), (i) => i.getAttribute('data-incident-id'));
      return ids.includes(a!) && ids.includes(b!) && ids.indexOf(a!) < ids.indexOf(b!);
    },
    [first, second, socialItems],
    { timeout: 5_000 },
  );

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

  it('ranks the social queue by priority: the viral post first, until a viral re-share lifts the quiet one', async () => {
    const quiet = await report({
      platform: 'facebook',
      postUrl: 'https://www.facebook.com/groups/cairo.traffic/posts/501',
      text: 'ميكروباص بيعمل حركات خطيرة على محور ٢٦ يوليو قدام مول العرب',
      author: 'ساكن في أكتوبر',
      mediaUrls: ['https://media.example.org/v/microbus.mp4'],
      engagement: { likes: 4 },
    });
    const viral = await report({
      platform: 'x',
      postUrl: 'https://x.com/cairo_roads/status/777',
      text: 'نقل تقيل ماشي بسرعة جنونية على الطريق الدائري عند المعادي',
      mediaUrls: ['https://media.example.org/v/truck.mp4'],
      engagement: { views: 40_000, likes: 2_000, shares: 300 },
    });
    await page.click('[data-testid="drawer-close"]');
    await page.click('[data-testid="queue-social"]');
    await ranked(page, viral, quiet);
    const order = await queueOrder(page);
    console.log(`social queue, most viral first: ${order.join(' > ')}`);

    const card = page.locator(`${socialItems}[data-incident-id="${quiet}"]`);
    const text = card.locator('[data-testid="social-post-text"]');
    expect(await text.innerText()).toContain('محور ٢٦ يوليو');
    expect(await text.evaluate((el) => [el.getAttribute('dir'), getComputedStyle(el).direction])).toEqual(['auto', 'rtl']);
    const media = card.locator('[data-testid="media-link"]');
    expect([await media.getAttribute('href'), await media.getAttribute('target'), await media.getAttribute('rel')]).toEqual(['https://media.example.org/v/microbus.mp4', '_blank', 'noopener noreferrer']);
    const score = (id: string) => page.getAttribute(`${socialItems}[data-incident-id="${id}"] [data-testid="social-priority"]`, 'data-priority').then(Number);
    const before = { quiet: await score(quiet), viral: await score(viral) };
    await page.mouse.move(0, 0);
    await page.screenshot({ path: `${artifactsDir}social-queue-ar.png` });

    // The quiet post's video is re-shared on TikTok and takes off: same video, same incident, higher priority.
    expect(
      await report({
        platform: 'tiktok',
        postUrl: 'https://www.tiktok.com/@cairo.streets/video/888',
        text: 'الميكروباص ده بيعمل حركات خطيرة على محور ٢٦ يوليو',
        mediaUrls: ['https://media.example.org/v/microbus.mp4'],
        engagement: { views: 900_000, likes: 80_000, shares: 50_000 },
      }),
    ).toBe(quiet);
    await ranked(page, quiet, viral);
    const after = { quiet: await score(quiet), viral: await score(viral) };
    console.log(`priorities before ${JSON.stringify(before)}, after the re-share ${JSON.stringify(after)}`);
    expect(after.quiet).toBeGreaterThan(before.viral);
    // The card now shows the post that ranks it.
    expect(await card.locator('[data-testid="social-post-text"]').innerText()).toContain('الميكروباص ده');

    await page.click('[data-testid="social-order-newest"]');
    await page.click('[data-testid="language-toggle"]');
    await page.waitForSelector('html[lang="en"]');
    await page.screenshot({ path: `${artifactsDir}social-queue-en.png` });
    await page.click('[data-testid="language-toggle"]');
  });

  it('has no serious accessibility violation in the social queue', async () => {
    // bypassCSP: axe-core is injected as an inline script, which the app's CSP rightly forbids.
    const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, bypassCSP: true });
    const checker = await context.newPage();
    await checker.goto(server.url);
    await formLogin(checker, 'officer1', officerPassword);
    await checker.click('[data-testid="queue-social"]');
    await checker.waitForSelector(socialItems);
    expect(await seriousViolations(checker, 'social queue')).toEqual([]);
    await context.close();
  });
});
