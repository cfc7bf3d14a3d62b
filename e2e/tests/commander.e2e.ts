import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { artifactsDir, launchBrowser } from '../support/browser';
import { officerPassword, postDetection, startServer, type RunningServer } from '../support/server';

const users = ['officer1:officer', 'commander1:commander', 'commander2:commander'].map((u) => `${u}:${officerPassword}`).join(',');

let server: RunningServer;
let browser: Browser;
let commander: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ RASD_USERS: users }), launchBrowser()]);
  await seed();
  commander = await signIn('commander1', '/commander');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function apiLogin(username: string): Promise<string> {
  const res = await fetch(`${server.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ username, password: officerPassword }),
  });
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

let n = 0;
async function detect(kind: string, plate: string | undefined, lat = 29.982611): Promise<string> {
  n += 1;
  const res = await postDetection(server.url, {
    eventId: `e2e-commander-${n}-${Date.now()}`,
    cameraId: 'RR-N-017',
    kind,
    observedAt: new Date().toISOString(),
    location: { lat, lon: 31.3162252 },
    ...(plate ? { plate } : {}),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { incidentId: string }).incidentId;
}

/** A shift with something in it: detections, an arrest, an open claim. */
async function seed() {
  const officer = await apiLogin('officer1');
  const post = (id: string, path: string, body: unknown = {}) =>
    fetch(`${server.url}/api/v1/incidents/${id}/${path}`, { method: 'POST', headers: { cookie: officer, origin: server.url, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const arrested = await detect('wrong_way', 'ق ص ب ١٢٣٤');
  await detect('reckless', 'ن ل ٥٥');
  await detect('speeding', undefined, 29.986);
  const claimed = await detect('wrong_way', 'م ر ٧');
  expect((await post(arrested, 'claim')).status).toBe(200);
  expect((await post(arrested, 'actions', { type: 'arrest', plate: 'قصب1234' })).status).toBe(201);
  expect((await post(claimed, 'claim')).status).toBe(200);
}

async function signIn(username: string, path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${username}: ${e.message}`));
  page.on('console', (m) => {
    // 401: the pre-login session check; 409: the refused export the test provokes on purpose.
    if (m.type() === 'error' && !/status of (401|409)/.test(m.text())) pageErrors.push(`${username}: ${m.text()}`);
  });
  await page.goto(server.url + path);
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', officerPassword);
  await page.click('button[type="submit"]');
  await page.waitForSelector('[data-testid="summary-panel"]', { timeout: 10_000 });
  return page;
}

const kpi = (page: Page, key: string) => page.getAttribute(`[data-testid="kpi-${key}"]`, 'data-value').then(Number);

describe('commander page', () => {
  it('shows the current shift live: counts, response times, charts, and new incidents without a reload', async () => {
    expect(await commander.getAttribute('html', 'dir')).toBe('rtl');
    expect(await commander.getAttribute('[data-testid="shift-live"]', 'data-live')).toBe('true');
    expect(await kpi(commander, 'total')).toBe(4);
    expect(await kpi(commander, 'actions')).toBe(1);
    // The arrested incident stays claimed (actioned, not closed) beside the plain claim.
    expect(await kpi(commander, 'claims')).toBe(2);
    expect(await commander.locator('[data-testid="response-alertToClaim"]').innerText()).toMatch(/[٠-٩]/);
    // No dispatch data yet: the row is left out, and the note says why.
    expect(await commander.locator('[data-testid="response-dispatchToScene"]').count()).toBe(0);
    for (const chart of ['hour', 'corridor', 'kind', 'action-type', 'action-track']) {
      expect(await commander.locator(`[data-testid="chart-${chart}"] svg.recharts-surface`).count(), chart).toBe(1);
    }
    expect(await commander.locator('[data-testid="chart-kind"]').innerText()).toContain('سير عكس الاتجاه');
    expect(await commander.locator('[data-testid="busiest-corridors"]').innerText()).toContain('الطريق الدائري');

    await commander.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    await detect('racing', undefined);
    await commander.waitForSelector('[data-testid="kpi-total"][data-value="5"]', { timeout: 5_000 });
    expect(await commander.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await commander.mouse.move(0, 0);
    await commander.screenshot({ path: `${artifactsDir}commander-ar.png`, fullPage: true });

    // A past shift is not live, and is empty here.
    await commander.click('[data-testid="shift-prev"]');
    await commander.waitForSelector('[data-testid="shift-live"][data-live="false"]');
    await commander.waitForSelector('[data-testid="kpi-total"][data-value="0"]');
    await commander.click('[data-testid="shift-current"]');
    await commander.waitForSelector('[data-testid="kpi-total"][data-value="5"]');
  });

  it('hands over with notes, and the next commander acknowledges it', async () => {
    await commander.click('[data-testid="tab-handover"]');
    await commander.waitForSelector('[data-testid="handover-panel"][data-status="draft"]');
    expect(await commander.locator('[data-testid="handover-incidents-row"]').count()).toBe(5);
    expect(await commander.locator('[data-testid="handover-incidents"]').innerText()).toContain('officer1');
    await commander.fill('[data-testid="handover-notes"]', 'دورية ثابتة عند مطلع المعادي حتى نهاية النوبة؛ القضية ١٢ تنتظر النيابة');
    await commander.click('[data-testid="handover-save"]');
    await commander.waitForSelector('[data-testid="handover-message"].form-ok');
    await commander.click('[data-testid="handover-submit"]');
    await commander.click('[data-testid="handover-submit-confirm"]');
    await commander.waitForSelector('[data-testid="handover-panel"][data-status="submitted"]');
    expect(await commander.locator('[data-testid="handover-acknowledge"]').count()).toBe(0);
    await commander.screenshot({ path: `${artifactsDir}commander-handover-ar.png`, fullPage: true });

    const incoming = await signIn('commander2', '/commander');
    await incoming.click('[data-testid="tab-handover"]');
    await incoming.waitForSelector('[data-testid="handover-panel"][data-status="submitted"]');
    expect(await incoming.inputValue('[data-testid="handover-notes"]')).toContain('مطلع المعادي');
    await incoming.click('[data-testid="handover-acknowledge"]');
    await incoming.waitForSelector('[data-testid="handover-panel"][data-status="acknowledged"]');
    expect(await incoming.locator('[data-testid="handover-panel"]').innerText()).toContain('commander2');
    await incoming.context().close();
  });

  it('searches the history by plate, opens a past incident’s timeline, and exports the CSV', async () => {
    await commander.click('[data-testid="tab-history"]');
    await commander.fill('input[name="plate"]', 'قصب 1234');
    await commander.click('[data-testid="history-search"]');
    await commander.waitForSelector('[data-testid="history-total"][data-total="1"]');
    await commander.click('[data-testid="history-open"]');
    await commander.waitForSelector('[data-testid="past-incident"] [data-testid="timeline-item"][data-type="action_recorded"]');
    expect(await commander.locator('[data-testid="past-incident"] [data-testid="timeline-item"]').count()).toBe(3);
    // Named by what it was and where, not by its id (which stays below as a reference).
    expect(await commander.locator('[data-testid="past-incident-title"]').innerText()).toMatch(/^سير عكس الاتجاه · \S/);
    await commander.screenshot({ path: `${artifactsDir}commander-history-ar.png`, fullPage: true });
    await commander.click('[data-testid="history-back"]');

    await commander.fill('input[name="plate"]', '');
    await commander.selectOption('[data-testid="history-kind"]', 'wrong_way');
    await commander.click('[data-testid="history-search"]');
    await commander.waitForSelector('[data-testid="history-total"][data-total="2"]');
    const [download] = await Promise.all([commander.waitForEvent('download'), commander.click('[data-testid="history-export"]')]);
    expect(download.suggestedFilename()).toMatch(/^rasd-history-.*\.csv$/);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines.slice(1).every((l) => l.includes(',wrong_way,'))).toBe(true);
  });

  it('prints the shift report on A4 in Arabic with the audit anchor', async () => {
    const shiftStart = await commander.getAttribute('[data-testid="shift-title"]', 'data-shift-start');
    const report = await commander.context().newPage();
    await report.goto(`${server.url}/commander/report?at=${encodeURIComponent(shiftStart!)}`);
    await report.waitForSelector('[data-testid="shift-report"][data-ready="true"]');
    const hash = await report.locator('[data-testid="report-anchor-hash"]').innerText();
    expect(hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await report.locator('[data-testid="report-notes"]').innerText()).toContain('مطلع المعادي');
    await report.screenshot({ path: `${artifactsDir}shift-report-ar.png`, fullPage: true });

    const pdfPath = `${artifactsDir}shift-report.pdf`;
    const pdf = await report.pdf({ path: pdfPath, format: 'A4', preferCSSPageSize: true, printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // A4 is 595 × 842 points; every page must be that size.
    const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    expect(boxes.length).toBeGreaterThan(0);
    expect(boxes.every(([w, h]) => w === 595 && h === 842)).toBe(true);
    if (existsSync('/usr/bin/pdftotext')) {
      const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).normalize('NFKC');
      // The hash is Latin and must survive intact (the external anchor); the Arabic words are checked
      // in logical order after NFKC, whatever order pdftotext lays the right-to-left lines out in.
      expect(text).toContain(hash);
      const words = text.split(/\s+/).map((w) => w.split('').reverse().join(''));
      const has = (word: string) => text.includes(word) || words.some((w) => w.includes(word));
      for (const word of ['تقرير', 'النوبة', 'الدائري']) expect(has(word), word).toBe(true);
      if (existsSync('/usr/bin/pdftoppm')) execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdfPath, `${artifactsDir}shift-report-pdf`]);
    }
    await report.close();
  });

  it('drafts the bilingual press statement, refuses its export until approved, then exports it', async () => {
    await commander.click('[data-testid="tab-press"]');
    await commander.waitForSelector('[data-testid="press-panel"][data-generated="true"]');
    expect(await commander.inputValue('[data-testid="press-ar"]')).toContain('٥ وقائع');
    expect(await commander.inputValue('[data-testid="press-en"]')).toContain('recorded 5 incidents');
    // No plate in the proposed text: personal data is the commander's choice to add.
    expect(await commander.inputValue('[data-testid="press-ar"]')).not.toContain('١٢٣٤');
    expect(await commander.locator('[data-testid="press-export"]').count()).toBe(0);
    const shiftStart = (await commander.getAttribute('[data-testid="shift-title"]', 'data-shift-start'))!;
    const refused = await commander.evaluate(async (start) => (await fetch(`/api/v1/shifts/press/export?at=${encodeURIComponent(start)}`)).status, shiftStart);
    expect(refused).toBe(409);

    const ar = (await commander.inputValue('[data-testid="press-ar"]')) + '\nوتواصل الإدارة حملاتها على الطريق الدائري.';
    await commander.fill('[data-testid="press-ar"]', ar);
    await commander.click('[data-testid="press-save"]');
    await commander.waitForSelector('[data-testid="press-panel"][data-generated="false"][data-status="draft"]');
    await commander.screenshot({ path: `${artifactsDir}commander-press-ar.png`, fullPage: true });
    await commander.click('[data-testid="press-approve"]');
    await commander.waitForSelector('[data-testid="press-panel"][data-status="approved"]');
    const [download] = await Promise.all([commander.waitForEvent('download'), commander.click('[data-testid="press-export"]')]);
    const text = (await readFile((await download.path())!)).toString('utf8');
    expect(text).toContain('وتواصل الإدارة حملاتها');
    expect(text).toContain('recorded 5 incidents');
    expect(text).toContain('approved: commander1');
  });

  it('reads in English too, left to right', async () => {
    await commander.click('[data-testid="tab-summary"]');
    await commander.click('[data-testid="language-toggle"]');
    await commander.waitForFunction(() => document.documentElement.dir === 'ltr');
    expect(await commander.locator('[data-testid="chart-kind"]').innerText()).toContain('Wrong-way');
    await commander.screenshot({ path: `${artifactsDir}commander-en.png`, fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
