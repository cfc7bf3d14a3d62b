import type { Page } from 'playwright-core';

/** Signs in through the API like a browser would, for a test that acts as a second person. */
export async function apiLogin(url: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login of ${username} failed: ${res.status}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

/** A state-changing incident call with the page's Origin, as the desk makes it. */
export function incidentCommand(url: string, cookie: string, incidentId: string, command: string, body: unknown = {}) {
  return fetch(`${url}/api/v1/incidents/${incidentId}/${command}`, {
    method: 'POST',
    headers: { cookie, origin: url, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** Signs in through the form on whatever page is open. */
export async function formLogin(page: Page, username: string, password: string): Promise<void> {
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', password);
  await page.click('button[type="submit"]');
}
