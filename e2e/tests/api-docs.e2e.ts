import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { artifactsDir, launchBrowser } from '../support/browser';
import { startServer, type RunningServer } from '../support/server';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('API documentation page', () => {
  it('renders the OpenAPI document offline with the bundled viewer, within the CSP', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    const external: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) external.push(r.url());
    });
    await page.goto(`${server.url}/api/docs`);
    await page.waitForSelector('.swagger-ui .info .title', { timeout: 15_000 });
    expect(await page.locator('.swagger-ui .info .title').innerText()).toContain('Rasd');
    await page.getByText('/api/v1/detections', { exact: true }).first().waitFor();
    expect(await page.locator('.opblock').count()).toBeGreaterThan(20);
    await page.screenshot({ path: `${artifactsDir}api-docs.png` });
    expect(problems).toEqual([]);
    expect(external).toEqual([]);
  });
});
