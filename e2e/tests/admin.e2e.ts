import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { verifySignature } from '@rasd/server/src/domain/webhook-signature';
import { seriousViolations } from '../support/axe';
import { artifactsDir, launchBrowser } from '../support/browser';
import { officerPassword, postDetection, startServer, type RunningServer } from '../support/server';
import { formLogin } from '../support/session';

const users = ['admin1:admin', 'officer1:officer'].map((u) => `${u}:${officerPassword}`).join(',');
const firstPassword = 'khaled-first-pass';
const secondPassword = 'khaled-second-pass';

let server: RunningServer;
let browser: Browser;
let admin: Page;
const pageErrors: string[] = [];

/** The endpoint the admin registers: plain HTTP on loopback, which this server is configured to allow. */
const received: { raw: string; signature: string }[] = [];
const receiver: Server = createServer((req, res) => {
  let raw = '';
  req.on('data', (chunk) => (raw += chunk));
  req.on('end', () => {
    received.push({ raw, signature: String(req.headers['x-rasd-signature']) });
    res.statusCode = 204;
    res.end();
  });
});
let receiverUrl = '';

beforeAll(async () => {
  receiverUrl = await new Promise<string>((resolve) => receiver.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(receiver.address() as { port: number }).port}/rasd-hook`)));
  [server, browser] = await Promise.all([
    startServer({ RASD_USERS: users, RASD_WEBHOOK_ALLOW_HTTP: 'true', RASD_WEBHOOK_RETRY_BASE_MS: '200' }),
    launchBrowser(),
  ]);
  admin = await signIn('admin1', officerPassword, '/admin');
  await admin.waitForSelector('[data-testid="users-panel"]');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise((resolve) => receiver.close(resolve));
});

async function signIn(username: string, password: string, path: string): Promise<Page> {
  // bypassCSP: axe-core is injected as an inline script, which the app's CSP rightly forbids.
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, bypassCSP: true });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${username}: ${e.message}`));
  page.on('console', (m) => {
    // 401: the session checks before signing in and after the account's sessions were ended.
    if (m.type() === 'error' && !/status of 401/.test(m.text())) pageErrors.push(`${username}: ${m.text()}`);
  });
  await page.goto(server.url + path);
  await formLogin(page, username, password);
  return page;
}

async function loginStatus(username: string, password: string): Promise<number> {
  const res = await fetch(`${server.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ username, password }),
  });
  return res.status;
}

const khaledRow = '[data-testid="user-row"][data-username="khaled"]';
const signedOut = (page: Page) => page.waitForSelector('input[name="username"]', { timeout: 10_000 });
const onDesk = (page: Page) => page.waitForSelector('[data-testid="connection-status"][data-state="connected"]', { timeout: 10_000 });

describe('admin page', () => {
  it('tells an officer the page is not permitted, and offers them no link to it', async () => {
    const officer = await signIn('officer1', officerPassword, '/admin');
    await officer.waitForSelector('[data-testid="admin-forbidden"]');
    expect(await officer.locator('[data-testid="admin-forbidden"]').innerText()).toContain('ليست لديك صلاحية لفتح صفحة الإدارة');
    expect(await officer.locator('[data-testid="users-panel"], [data-testid="webhooks-panel"]').count()).toBe(0);
    expect(await officer.locator('[data-testid="nav-admin"]').count()).toBe(0);
    await officer.context().close();
  });

  it('creates an officer who can then sign in; a short password is refused first and never left on screen', async () => {
    expect(await admin.getAttribute('html', 'dir')).toBe('rtl');
    expect(await admin.getAttribute('[data-testid="nav-admin"]', 'aria-current')).toBe('page');
    await admin.fill('input[name="username"]', 'khaled');
    await admin.selectOption('select[name="role"]', 'officer');
    await admin.fill('input[name="password"]', 'short');
    await admin.click('[data-testid="user-create"]');
    expect(await admin.locator('[data-testid="field-error-password"]').innerText()).toContain('١٠');
    expect(await admin.inputValue('input[name="password"]')).toBe('');
    await admin.screenshot({ path: `${artifactsDir}admin-create-refused-ar.png` });

    // Keyboard only: the password field, then Tab to the button and Enter.
    await admin.focus('input[name="password"]');
    await admin.keyboard.type(firstPassword);
    await admin.keyboard.press('Tab');
    expect(await admin.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('user-create');
    await admin.keyboard.press('Enter');
    await admin.waitForSelector(`${khaledRow}[data-disabled="false"]`);
    expect(await admin.locator('[data-testid="user-create-message"]').innerText()).toContain('khaled');
    expect(await admin.inputValue('input[name="password"]')).toBe('');
    expect(await admin.content()).not.toContain(firstPassword);

    const khaled = await signIn('khaled', firstPassword, '/');
    await onDesk(khaled);
    await khaled.context().close();
  });

  it('resets the password: the old one stops working, the new one works, and the open session ends', async () => {
    const khaled = await signIn('khaled', firstPassword, '/');
    await onDesk(khaled);

    await admin.click(`${khaledRow} [data-testid="user-reset-open"]`);
    await admin.fill('input[name="new-password"]', secondPassword);
    await admin.click('[data-testid="user-reset-submit"]');
    await admin.waitForSelector('[data-testid="users-notice"][data-kind="ok"]');
    expect(await admin.locator('[data-testid="user-reset-form"]').count()).toBe(0);
    expect(await admin.content()).not.toContain(secondPassword);

    await signedOut(khaled);
    expect(await loginStatus('khaled', firstPassword)).toBe(401);
    expect(await loginStatus('khaled', secondPassword)).toBe(200);
    await formLogin(khaled, 'khaled', secondPassword);
    await onDesk(khaled);
    await khaled.context().close();
  });

  it('disables the account after a confirmation: the open session is disconnected and signing in is refused', async () => {
    const khaled = await signIn('khaled', secondPassword, '/');
    await onDesk(khaled);

    await admin.click(`${khaledRow} [data-testid="user-disable"]`);
    await admin.screenshot({ path: `${artifactsDir}admin-disable-question-ar.png` });
    await admin.click('[data-testid="user-disable-confirm"]');
    await admin.waitForSelector(`${khaledRow}[data-disabled="true"]`);
    expect(await admin.locator(`${khaledRow} [data-testid="user-status"]`).innerText()).toBe('معطّل');

    await signedOut(khaled);
    expect(await khaled.evaluate(async () => (await fetch('/api/v1/incidents')).status)).toBe(401);
    expect(await loginStatus('khaled', secondPassword)).toBe(401);
    await khaled.context().close();

    expect(await seriousViolations(admin, 'admin users')).toEqual([]);
    await admin.mouse.move(0, 0);
    await admin.screenshot({ path: `${artifactsDir}admin-users-ar.png`, fullPage: true });
  });

  it('registers a webhook, shows its secret once, and lists its deliveries after an incident', async () => {
    await admin.click('[data-testid="admin-tab-webhooks"]');
    await admin.waitForSelector('[data-testid="webhooks-empty"]');
    await admin.fill('input[name="url"]', receiverUrl);
    await admin.check('input[name="events"][value="incident.actioned"]');
    await admin.click('[data-testid="webhook-register"]');
    const secret = await admin.locator('[data-testid="webhook-secret"]').innerText();
    expect(secret.length).toBeGreaterThan(30);
    await admin.waitForSelector(`[data-testid="webhook-row"][data-url="${receiverUrl}"][data-active="true"]`);
    await admin.waitForSelector('[data-testid="delivery-empty"]');

    const res = await postDetection(server.url, {
      eventId: `e2e-admin-${Date.now()}`,
      cameraId: 'RR-N-017',
      kind: 'wrong_way',
      observedAt: new Date().toISOString(),
      location: { lat: 29.982611, lon: 31.3162252 },
    });
    expect(res.status).toBe(201);
    const { incidentId } = (await res.json()) as { incidentId: string };
    await expect.poll(() => received.length, { timeout: 10_000 }).toBeGreaterThan(0);
    // The secret the page showed is the one the deliveries are signed with.
    expect(JSON.parse(received[0]!.raw)).toMatchObject({ event: 'incident.created', incident: { id: incidentId } });
    expect(verifySignature(secret, received[0]!.raw, received[0]!.signature, new Date())).toBe(true);

    await admin.click('[data-testid="delivery-refresh"]');
    await admin.waitForSelector('[data-testid="delivery-row"][data-outcome="ok"][data-status="204"]');
    expect(await admin.locator('[data-testid="delivery-state"]').innerText()).toBe('يعمل الإرسال بشكل طبيعي');
    expect(await seriousViolations(admin, 'admin webhooks')).toEqual([]);
    await admin.mouse.move(0, 0);
    await admin.screenshot({ path: `${artifactsDir}admin-webhooks-ar.png`, fullPage: true });

    // Shown once: gone when dismissed, and not there after a reload.
    await admin.click('[data-testid="webhook-secret-dismiss"]');
    expect(await admin.content()).not.toContain(secret);
    await admin.reload();
    await admin.waitForSelector('[data-testid="users-panel"]');
    await admin.click('[data-testid="admin-tab-webhooks"]');
    await admin.waitForSelector('[data-testid="webhook-row"]');
    expect(await admin.content()).not.toContain(secret);
  });

  it("adds a patrol unit whose tablet signs in with the key shown once; replacing the key signs that tablet out at once", async () => {
    await admin.click('[data-testid="admin-tab-units"]');
    await admin.waitForSelector('[data-testid="units-empty"]');
    await admin.fill('input[name="callSign"]', 'P-301');
    await admin.selectOption('select[name="kind"]', 'motorcycle');
    await admin.click('[data-testid="unit-create"]');
    const firstKey = await admin.locator('[data-testid="unit-secret"]').innerText();
    expect(firstKey.length).toBeGreaterThan(30);
    const row = '[data-testid="admin-unit-row"][data-call-sign="P-301"]';
    await admin.waitForSelector(row);
    expect(await admin.locator(row).innerText()).toContain('دراجة نارية');
    expect(await seriousViolations(admin, 'admin units')).toEqual([]);
    await admin.mouse.move(0, 0);
    await admin.screenshot({ path: `${artifactsDir}admin-units-ar.png`, fullPage: true });
    await admin.click('[data-testid="unit-secret-dismiss"]');
    expect(await admin.content()).not.toContain(firstKey);

    const tablet = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
    tablet.on('pageerror', (e) => pageErrors.push(`tablet: ${e.message}`));
    const signInTablet = async (key: string) => {
      await tablet.fill('input[name="unitKey"]', key);
      await tablet.click('button[type="submit"]');
      await tablet.waitForSelector('[data-testid="unit-view"][data-live="yes"]', { timeout: 10_000 });
    };
    await tablet.goto(`${server.url}/unit`);
    await signInTablet(firstKey);
    expect(await tablet.locator('.unit-title').innerText()).toBe('P-301');

    // The tablet was lost: a new key, after a confirmation.
    await admin.click(`${row} [data-testid="unit-replace-key"]`);
    await admin.click(`${row} [data-testid="unit-replace-key-confirm"]`);
    const secondKey = await admin.locator('[data-testid="unit-secret"]').innerText();
    expect(secondKey).not.toBe(firstKey);
    expect(await admin.locator('[data-testid="units-notice"]').innerText()).toContain('P-301');
    // At once: the server closes the tablet's channel and the tablet asks again, rather than at its next poll (30 s live, 3 s offline).
    await tablet.waitForSelector('[data-testid="unit-key-error"]', { timeout: 2_500 });
    expect(await tablet.locator('[data-testid="unit-key-error"]').innerText()).toContain('استبدلته غرفة العمليات');
    await tablet.screenshot({ path: `${artifactsDir}unit-tablet-key-replaced.png` });
    await signInTablet(secondKey);
    await tablet.context().close();
  });

  it('reads in English too, left to right', async () => {
    await admin.click('[data-testid="language-toggle"]');
    await admin.waitForFunction(() => document.documentElement.dir === 'ltr');
    await admin.click('[data-testid="admin-tab-units"]');
    await admin.waitForSelector('[data-testid="admin-unit-row"]');
    expect(await admin.locator('[data-testid="admin-unit-row"]').innerText()).toContain('Motorcycle');
    await admin.mouse.move(0, 0);
    await admin.screenshot({ path: `${artifactsDir}admin-units-en.png`, fullPage: true });
    await admin.click('[data-testid="admin-tab-webhooks"]');
    await admin.click('[data-testid="webhook-log-open"]');
    await admin.waitForSelector('[data-testid="delivery-row"]');
    expect(await admin.locator('[data-testid="delivery-state"]').innerText()).toBe('Delivering normally');
    await admin.mouse.move(0, 0);
    await admin.screenshot({ path: `${artifactsDir}admin-webhooks-en.png`, fullPage: true });
    await admin.click('[data-testid="admin-tab-users"]');
    await admin.waitForSelector(khaledRow);
    await admin.screenshot({ path: `${artifactsDir}admin-users-en.png`, fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
