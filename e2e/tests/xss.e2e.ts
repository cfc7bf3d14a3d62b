import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { recordAttack } from '../../server/test/security/summary';
import { artifactsDir, launchBrowser } from '../support/browser';
import { ingestSecret, officerPassword, postDetection, startServer, type RunningServer } from '../support/server';

let server: RunningServer;
let browser: Browser;

/** Payloads that would call window.__xss() if any view rendered them as markup or followed them as links. */
const payloads = [
  '<img src=x onerror="__xss()">',
  '<svg onload=__xss()>',
  '"><script>__xss()</script>',
  "'><iframe src=\"javascript:__xss()\"></iframe>",
  '<a href="javascript:__xss()">click</a>',
  '\u202Eتحذير\u202C <b onmouseover=__xss()>x</b>',
  '{{constructor.constructor("__xss()")()}}',
  '<math><mtext><table><mglyph><style><img src=x onerror=__xss()>',
];

const ingest = (path: string, body: unknown, type = 'application/json') =>
  fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': type, authorization: `Bearer ${ingestSecret}` }, body: typeof body === 'string' ? body : JSON.stringify(body) });

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function armedPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  await page.addInitScript(() => {
    const w = window as unknown as { __xss: () => void; __xssHits: number; __cspViolations: string[] };
    w.__xssHits = 0;
    w.__cspViolations = [];
    w.__xss = () => {
      w.__xssHits += 1;
    };
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return page;
}

describe('untrusted text renders inert', () => {
  it('shows every payload as plain text on the desk and in the drawer, with zero executions', async () => {
    const ids: string[] = [];
    for (const [i, p] of payloads.entries()) {
      const social = await ingest('/api/v1/social-reports', {
        platform: 'facebook',
        postUrl: `https://facebook.com/xss/${i}`,
        postedAt: new Date().toISOString(),
        text: `عربية ماشية عكس الاتجاه على الدائري ${p}`,
        author: p,
        mediaUrls: [`https://media.example.org/${encodeURIComponent(p)}.mp4`],
      });
      expect(social.status).toBe(201);
      ids.push(((await social.json()) as { incidentId: string }).incidentId);
    }
    const camera = await postDetection(server.url, {
      eventId: payloads[0],
      cameraId: payloads[1]!.slice(0, 100),
      kind: 'wrong_way',
      observedAt: new Date().toISOString(),
      location: { lat: 30.0712, lon: 31.3021 },
      plate: payloads[2]!.slice(0, 40),
    });
    ids.push(((await camera.json()) as { incidentId: string }).incidentId);
    const refusedLinks = await ingest('/api/v1/social-reports', { platform: 'x', postUrl: 'javascript:__xss()', postedAt: new Date().toISOString(), text: 'x', mediaUrls: ['javascript:__xss()'] });
    expect(refusedLinks.status).toBe(400);

    const page = await armedPage();
    await page.goto(server.url);
    await page.fill('input[name="username"]', 'officer1');
    await page.fill('input[name="password"]', officerPassword);
    await page.click('button[type="submit"]');
    await page.waitForSelector('[data-testid="connection-status"][data-state="connected"]');
    for (const id of ids) {
      const item = page.locator(`[data-testid="incident-item"][data-incident-id="${id}"]`);
      await item.click();
      await page.waitForSelector(`[data-testid="incident-drawer"][data-incident-id="${id}"] [data-testid="alert-item"]`);
      await page.locator('[data-testid="alert-item"]').first().hover();
    }
    await page.screenshot({ path: `${artifactsDir}xss-drawer.png` });
    const drawerText = await page.locator('[data-testid="incident-drawer"]').innerText();
    expect(drawerText).toContain('<script>__xss()</script>');
    const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).protocol));
    expect(hrefs.filter((p) => p !== 'http:' && p !== 'https:')).toEqual([]);
    const { hits, violations } = await page.evaluate(() => {
      const w = window as unknown as { __xssHits: number; __cspViolations: string[] };
      return { hits: w.__xssHits, violations: w.__cspViolations };
    });
    recordAttack('XSS payloads rendered on desk and drawer', payloads.length * 3 + 4, payloads.length * 3 + 4 - hits, hits);
    console.log(`[security] CSP violation reports on the desk: ${violations.length} ${violations.join('; ')}`);
    expect(hits).toBe(0);
    expect(violations).toEqual([]);
  });
});
