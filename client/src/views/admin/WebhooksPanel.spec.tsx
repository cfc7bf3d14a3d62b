import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Webhook, WebhookDelivery } from '@rasd/shared';
import { useStore } from '../../store';
import { jsonResponse, mockFetch } from '../../test/fetch-mock';
import { render, type Rendered } from '../../test/render';
import { typeInto } from '../../test/type';
import { WebhooksPanel } from './WebhooksPanel';

let view: Rendered | undefined;
const hook: Webhook = {
  id: 'w1',
  url: 'https://receiver.example/<b>rasd</b>',
  events: ['incident.created', 'incident.actioned'],
  active: true,
  consecutiveFailures: 2,
  nextAttemptAt: '2026-11-27T10:00:30.000Z',
  cursorSeq: 10,
  createdBy: 'root',
  createdAt: '2026-11-27T09:00:00.000Z',
};
const delivery = (attempt: number, status: number | null, error: string | null): WebhookDelivery => ({
  id: `d${attempt}`,
  event: 'incident.created',
  seq: 11,
  attempt,
  status,
  error,
  durationMs: 12,
  at: '2026-11-27T10:00:00.000Z',
});

beforeEach(() => {
  useStore.setState(useStore.getInitialState(), true);
  useStore.getState().setUser({ id: 'u1', username: 'root', role: 'commander' });
});
afterEach(() => {
  view?.unmount();
  vi.unstubAllGlobals();
});

const $ = (selector: string) => view!.container.querySelector<HTMLElement>(selector);
const $$ = (selector: string) => Array.from(view!.container.querySelectorAll<HTMLElement>(selector));
const byId = (id: string) => $(`[data-testid="${id}"]`);
const click = (el: HTMLElement | null) => act(async () => el!.click());
const submit = () => act(async () => (byId('webhook-register-form') as HTMLFormElement).requestSubmit());

async function open(routes: Parameters<typeof mockFetch>[0] = {}, webhooks: Webhook[] = [hook]) {
  const fetch = mockFetch({ 'GET /api/v1/webhooks': () => jsonResponse(200, { webhooks }), ...routes });
  view = await render(<WebhooksPanel />);
  await act(async () => {});
  return fetch;
}

describe('WebhooksPanel: registering', () => {
  it('asks for an address and at least one event before sending', async () => {
    const fetch = await open({}, []);
    expect(byId('webhooks-empty')!.textContent).toBe('لا توجد نقاط ويب هوك مسجّلة');
    typeInto($('input[name="url"]'), 'receiver.example');
    await click($('input[value="incident.created"]'));
    await submit();
    expect(byId('field-error-url')!.textContent).toBe('أدخل عنوانًا كاملًا يبدأ بـ \u2066https://\u2069');
    expect(byId('field-error-events')!.textContent).toBe('اختر حدثًا واحدًا على الأقل');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('shows the server’s HTTPS refusal under the address', async () => {
    await open({ 'POST /api/v1/webhooks': () => jsonResponse(400, { error: { code: 'invalid_input', message: 'webhooks must use HTTPS', details: [{ path: 'url', message: 'must start with https://' }] } }) });
    typeInto($('input[name="url"]'), 'http://receiver.example/hook');
    await submit();
    expect(byId('webhook-register-message')!.textContent).toBe('راجع الحقول المعلَّمة');
    expect(byId('field-error-url')).not.toBeNull();
  });

  it('sends the chosen events in order, shows the secret once, and forgets it when dismissed', async () => {
    const created = { ...hook, id: 'w2', url: 'https://new.example/hook', consecutiveFailures: 0 };
    const fetch = await open({ 'POST /api/v1/webhooks': () => jsonResponse(201, { webhook: created, secret: 's3cr3t-value' }) });
    typeInto($('input[name="url"]'), ' https://new.example/hook ');
    await click($('input[value="incident.escalated"]'));
    await submit();
    const post = fetch.mock.calls.find((c) => c[1]?.method === 'POST')!;
    expect(JSON.parse(String(post[1]!.body))).toEqual({ url: 'https://new.example/hook', events: ['incident.created', 'incident.escalated'] });
    expect(byId('webhook-secret')!.textContent).toBe('s3cr3t-value');
    expect(document.activeElement?.id).toBe('webhook-secret-title');
    expect(($('input[name="url"]') as HTMLInputElement).value).toBe('');
    await click(byId('webhook-secret-dismiss'));
    expect(view!.container.textContent).not.toContain('s3cr3t-value');
  });
});

describe('WebhooksPanel: the list and the delivery log', () => {
  it('shows addresses as plain text', async () => {
    await open();
    const row = byId('webhook-row')!;
    expect(row.querySelector('b')).toBeNull();
    expect(row.querySelector('th')!.textContent).toBe('https://receiver.example/<b>rasd</b>');
  });

  it('opens the log with each attempt’s outcome and the next retry, and refreshes it', async () => {
    let log = [delivery(2, 503, 'HTTP 503'), delivery(1, null, 'fetch failed')];
    const fetch = await open({ 'GET /api/v1/webhooks/w1/deliveries': () => jsonResponse(200, { deliveries: log }) });
    await click(byId('webhook-log-open'));
    expect(byId('delivery-state')!.textContent).toContain('فشل ٢ مرات متتالية');
    const rows = $$('[data-testid="delivery-row"]');
    expect(rows.map((r) => [r.dataset.outcome, r.dataset.status])).toEqual([
      ['failed', '503'],
      ['failed', ''],
    ]);
    expect(rows[1]!.textContent).toContain('fetch failed');
    log = [delivery(3, 200, null), ...log];
    await click(byId('delivery-refresh'));
    expect($$('[data-testid="delivery-row"]').map((r) => r.dataset.outcome)).toEqual(['ok', 'failed', 'failed']);
    // The refresh also reloads the endpoints, so their state follows.
    expect(fetch.mock.calls.filter((c) => c[0] === '/api/v1/webhooks')).toHaveLength(2);
  });

  it('disables an endpoint after the confirmation', async () => {
    const fetch = await open({ 'PATCH /api/v1/webhooks/w1': () => jsonResponse(200, { webhook: { ...hook, active: false } }) });
    await click(byId('webhook-disable'));
    await click(byId('webhook-disable-confirm'));
    const patch = fetch.mock.calls.find((c) => c[1]?.method === 'PATCH')!;
    expect(JSON.parse(String(patch[1]!.body))).toEqual({ active: false });
    expect(byId('webhooks-notice')!.dataset.kind).toBe('ok');
  });
});
