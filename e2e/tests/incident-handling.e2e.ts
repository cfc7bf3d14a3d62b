import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { artifactsDir, launchBrowser } from '../support/browser';
import { officerPassword, postDetection, startServer, type RunningServer } from '../support/server';

const users = ['officer1:officer', 'officer2:officer', 'officer3:officer', 'commander1:commander']
  .map((u) => `${u}:${officerPassword}`)
  .join(',');

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ RASD_USERS: users, RASD_MEDIA_ORIGINS: 'https://cams.example.invalid' }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A desk of its own (cookies, socket) for one user, signed in through the form. */
async function deskFor(username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${username}: ${e.message}`));
  page.on('console', (m) => {
    // 401: the pre-login session check; 409: the lost claim, expected here. The camera host is allowed
    // by the CSP (RASD_MEDIA_ORIGINS) but does not exist on this closed network.
    const expected = /status of (401|409)|ERR_NAME_NOT_RESOLVED|ERR_INTERNET_DISCONNECTED|ERR_CONNECTION/;
    if (m.type() === 'error' && !expected.test(m.text())) pageErrors.push(`${username}: ${m.text()}`);
  });
  await page.goto(server.url);
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', officerPassword);
  await page.click('button[type="submit"]');
  await page.waitForSelector('[data-testid="connection-status"][data-state="connected"]', { timeout: 10_000 });
  return page;
}

async function detect(kind: 'wrong_way' | 'reckless' | 'speeding', lat: number, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await postDetection(server.url, {
    eventId: `e2e-handling-${kind}-${lat}-${Date.now()}`,
    cameraId: 'RR-N-017',
    kind,
    observedAt: new Date().toISOString(),
    location: { lat, lon: 31.3021 },
    speedKmh: 92,
    confidence: 0.93,
    vehicleClass: 'car',
    ...extra,
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { incidentId: string }).incidentId;
}

const item = (id: string) => `[data-testid="incident-item"][data-incident-id="${id}"]`;
const drawer = (id: string) => `[data-testid="incident-drawer"][data-incident-id="${id}"]`;

async function openIncident(page: Page, id: string) {
  await page.click(item(id), { timeout: 5_000 });
  await page.waitForSelector(drawer(id));
}

describe('incident handling', () => {
  let incidentId: string;
  let officerA: Page;
  let officerB: Page;
  let commander: Page;
  let winner: Page;
  let winnerName: string;

  it('lets exactly one of two simultaneous claims win and names the winner to the other', async () => {
    [officerA, officerB, commander] = await Promise.all([deskFor('officer1'), deskFor('officer2'), deskFor('commander1')]);
    incidentId = await detect('wrong_way', 30.0712, {
      plate: 'ق ص ب ١٢٣٤',
      media: { snapshotUrl: 'https://cams.example.invalid/RR-N-017/s.jpg', clipUrl: 'https://cams.example.invalid/RR-N-017/c.mp4' },
    });
    await Promise.all([officerA, officerB, commander].map((p) => openIncident(p, incidentId)));
    // Each desk sees the others watching (presence:watch → presence:update).
    await officerA.waitForFunction(
      () => (document.querySelector('[data-testid="presence"]') as HTMLElement | null)?.dataset['watchers'] === 'commander1,officer1,officer2',
      undefined,
      { timeout: 5_000 },
    );
    expect(await officerA.locator('[data-testid="presence"]').innerText()).toContain('officer2');
    await commander.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    const claimAnswer = (page: Page) => page.waitForResponse((r) => r.url().endsWith(`/api/v1/incidents/${incidentId}/claim`));
    const answers = Promise.all([claimAnswer(officerA), claimAnswer(officerB)]);
    // Both buttons pressed at once: Playwright's click waits for actionability page by page, long
    // enough on a busy machine for one claim to land and take the other desk's button away first.
    await Promise.all([officerA, officerB].map((p) => p.waitForSelector('[data-testid="claim-button"]')));
    await Promise.all([officerA, officerB].map((p) => p.evaluate(() => (document.querySelector('[data-testid="claim-button"]') as HTMLButtonElement).click())));
    const statuses = (await answers).map((r) => r.status());
    expect([...statuses].sort()).toEqual([200, 409]);

    const [loser, loserName] = statuses[0] === 200 ? [officerB, 'officer2'] : [officerA, 'officer1'];
    [winner, winnerName] = statuses[0] === 200 ? [officerA, 'officer1'] : [officerB, 'officer2'];
    await loser.waitForSelector('[data-testid="claim-error"]', { timeout: 2_000 });
    expect(await loser.locator('[data-testid="claim-error"]').innerText()).toContain(winnerName);
    await loser.waitForFunction((name) => document.querySelector('[data-testid="claim-holder"]')?.textContent?.includes(name), winnerName);
    expect(await loser.locator('[data-testid="claim-button"]').count()).toBe(0);
    await loser.screenshot({ path: `${artifactsDir}drawer-claim-lost-ar.png` });
    expect(await winner.locator('[data-testid="claim-holder"]').innerText()).toContain(winnerName);
    expect(await winner.locator('[data-testid="claim-holder"]').innerText()).not.toContain(loserName);
    // The commander, who did not claim, sees the holder live and may take over.
    await commander.waitForFunction((name) => document.querySelector('[data-testid="claim-holder"]')?.textContent?.includes(name), winnerName);
    expect(await commander.locator('[data-testid="takeover-button"]').count()).toBe(1);
  });

  it('records an arrest and a prosecution referral that the commander sees live', async () => {
    expect(await commander.locator('[data-testid="action-item"]').count()).toBe(0);

    await winner.click('[data-testid="action-open"]');
    await winner.waitForSelector('[data-testid="action-form"]');
    expect(await winner.inputValue('select[name="type"]')).toBe('arrest');
    await winner.fill('input[name="plate"]', 'قصب1234');
    expect(await winner.locator('[data-testid="plate-canonical"]').innerText()).toContain('ق ص ب ١٢٣٤');
    await winner.locator('[data-testid="plate-canonical"]').scrollIntoViewIfNeeded();
    await winner.screenshot({ path: `${artifactsDir}drawer-form-ar.png` });
    await winner.click('[data-testid="action-submit"]');
    await winner.waitForSelector('[data-testid="action-item"]');
    expect(await winner.locator('[data-testid="action-item"]').innerText()).toContain('ق ص ب ١٢٣٤');

    await commander.waitForSelector('[data-testid="action-item"]', { timeout: 3_000 });
    expect(await commander.locator('[data-testid="action-item"]').first().innerText()).toContain('ق ص ب ١٢٣٤');

    await winner.click('[data-testid="action-open"]');
    await winner.selectOption('select[name="type"]', 'prosecution_referral');
    await winner.fill('input[name="caseNumber"]', '1234 لسنة 2026 جنح مدينة نصر');
    await winner.fill('textarea[name="notes"]', 'أحيل المتهم مع المحضر');
    await winner.click('[data-testid="action-submit"]');
    await winner.waitForFunction(() => document.querySelectorAll('[data-testid="action-item"]').length === 2);

    await commander.waitForFunction(() => document.querySelectorAll('[data-testid="action-item"]').length === 2, undefined, { timeout: 3_000 });
    const second = await commander.locator('[data-testid="action-item"]').nth(1).innerText();
    expect(second).toContain('1234 لسنة 2026 جنح مدينة نصر');
    expect(second).toContain(winnerName);
    expect(await commander.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    // Close becomes possible once an action is recorded.
    expect(await commander.locator('[data-testid="close-button"]').count()).toBe(1);

    const links = winner.locator('[data-testid="media-link"]');
    expect(await links.count()).toBe(2);
    expect(await links.first().getAttribute('rel')).toBe('noopener noreferrer');
    expect(await links.first().getAttribute('target')).toBe('_blank');
    // The timeline is re-read when the incident's seq moves, so it follows shortly after the list.
    await winner.waitForFunction(() => document.querySelectorAll('[data-testid="timeline-item"][data-type="action_recorded"]').length === 2);

    const scrollTop = () => winner.evaluate(() => document.querySelector('.drawer-scroll')?.scrollTo(0, 0));
    await scrollTop();
    await winner.screenshot({ path: `${artifactsDir}drawer-ar.png` });
    await winner.click('[data-testid="language-toggle"]');
    await winner.waitForFunction(() => document.documentElement.dir === 'ltr');
    expect(await winner.locator('[data-testid="claim-holder"]').innerText()).toBe(`Claimed by you (${winnerName})`);
    await scrollTop();
    await winner.screenshot({ path: `${artifactsDir}drawer-en.png` });
    await commander.screenshot({ path: `${artifactsDir}drawer-commander-ar.png` });
  });

  it('keeps the audit chain intact', async () => {
    const cookies = await commander.context().cookies(server.url);
    const res = await fetch(`${server.url}/api/v1/audit/verify`, {
      headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; ') },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true });
  });

  it('reaches the drawer by keyboard alone: Tab to the queue, ArrowDown, Enter, c, a, Escape', async () => {
    const older = await detect('reckless', 29.95);
    const newer = await detect('speeding', 30.12);
    const page = await deskFor('officer3');
    await page.waitForSelector(item(older));
    // The newest incident is first in the queue and is the queue's tab stop.
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'incident-item')) break;
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-incident-id'))).toBe(newer);
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-incident-id'))).toBe(older);
    expect(await page.getAttribute(item(older), 'aria-selected')).toBe('true');
    // Focus is visible (outline from :focus-visible), not only implied by the selection colour.
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');

    await page.keyboard.press('Enter');
    await page.waitForSelector(drawer(older));
    await page.waitForTimeout(1_000); // let the map finish flying to the incident before the picture
    await page.screenshot({ path: `${artifactsDir}queue-keyboard-ar.png` });
    await page.keyboard.press('c');
    await page.waitForFunction(() => document.querySelector('[data-testid="claim-holder"]')?.textContent?.includes('officer3'));
    await page.keyboard.press('a');
    await page.waitForSelector('[data-testid="action-form"]');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('type');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="action-form"]', { state: 'detached' });
    await page.waitForSelector(drawer(older));
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="incident-drawer"]', { state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-incident-id'))).toBe(older);
    expect(pageErrors).toEqual([]);
  });
});
