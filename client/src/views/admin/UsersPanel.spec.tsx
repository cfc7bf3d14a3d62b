import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { User } from '@rasd/shared';
import { useStore } from '../../store';
import { jsonResponse, mockFetch } from '../../test/fetch-mock';
import { render, type Rendered } from '../../test/render';
import { typeInto } from '../../test/type';
import { UsersPanel } from './UsersPanel';

let view: Rendered | undefined;
const admin: User = { id: 'u1', username: 'root', role: 'admin', disabled: false };
const sara: User = { id: 'u2', username: 'sara', role: 'officer', disabled: false };

beforeEach(() => {
  useStore.setState(useStore.getInitialState(), true);
  useStore.getState().setUser({ id: admin.id, username: admin.username, role: 'admin' });
});
afterEach(() => {
  view?.unmount();
  vi.unstubAllGlobals();
});

const $ = (selector: string) => view!.container.querySelector<HTMLElement>(selector);
const byId = (id: string) => $(`[data-testid="${id}"]`);
const rowOf = (username: string) => $(`[data-testid="user-row"][data-username="${username}"]`)!;
const click = (el: HTMLElement | null) => act(async () => el!.click());
const submit = (form: string) => act(async () => (byId(form) as HTMLFormElement).requestSubmit());
type FetchMock = ReturnType<typeof mockFetch>;
const callsOf = (fetch: FetchMock, method: string) => fetch.mock.calls.filter((c) => c[1]?.method === method);
const bodyOf = (fetch: FetchMock, method: string) => JSON.parse(String(callsOf(fetch, method)[0]![1]!.body)) as unknown;

async function open(routes: Parameters<typeof mockFetch>[0] = {}) {
  const fetch = mockFetch({ 'GET /api/v1/users': () => jsonResponse(200, { users: [admin, sara] }), ...routes });
  view = await render(<UsersPanel />);
  await act(async () => {});
  return fetch;
}

describe('UsersPanel: creating an account', () => {
  it('refuses a short password before sending and clears the field', async () => {
    const fetch = await open();
    typeInto($('input[name="username"]'), 'amr');
    typeInto($('input[name="password"]'), 'short');
    await submit('user-create-form');
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(byId('field-error-password')!.textContent).toBe('يجب ألا تقل كلمة المرور عن ١٠ أحرف');
    expect(($('input[name="password"]') as HTMLInputElement).value).toBe('');
    expect($('input[name="password"]')!.getAttribute('aria-invalid')).toBe('true');
  });

  it('shows the server’s password-policy refusal under the password field', async () => {
    await open({ 'POST /api/v1/users': () => jsonResponse(400, { error: { code: 'invalid_input', message: 'no', details: [{ path: 'password', message: 'at least 10 characters' }] } }) });
    typeInto($('input[name="username"]'), 'amr');
    typeInto($('input[name="password"]'), 'long enough pass');
    await submit('user-create-form');
    expect(byId('user-create-message')!.textContent).toBe('راجع الحقول المعلَّمة');
    expect(byId('field-error-password')!.textContent).toBe('يجب ألا تقل كلمة المرور عن ١٠ أحرف');
    expect(($('input[name="password"]') as HTMLInputElement).value).toBe('');
  });

  it('says when the username is taken', async () => {
    await open({ 'POST /api/v1/users': () => jsonResponse(400, { error: { code: 'invalid_input', message: 'taken', details: [{ path: 'username', message: 'taken' }] } }) });
    typeInto($('input[name="username"]'), 'sara');
    typeInto($('input[name="password"]'), 'long enough pass');
    await submit('user-create-form');
    expect(byId('field-error-username')!.textContent).toBe('اسم المستخدم هذا مستخدم بالفعل');
  });

  it('sends the account, confirms it, reloads the list and keeps no password on screen', async () => {
    const amr: User = { id: 'u3', username: 'amr', role: 'dispatcher', disabled: false };
    const fetch = await open({ 'POST /api/v1/users': () => jsonResponse(201, { user: amr }) });
    typeInto($('input[name="username"]'), '  amr ');
    typeInto($('select[name="role"]'), 'dispatcher');
    typeInto($('input[name="password"]'), 'long enough pass');
    await submit('user-create-form');
    expect(bodyOf(fetch, 'POST')).toEqual({ username: 'amr', role: 'dispatcher', password: 'long enough pass' });
    expect(byId('user-create-message')!.textContent).toContain('amr');
    expect(byId('user-create-message')!.textContent).not.toContain('long enough pass');
    expect(($('input[name="username"]') as HTMLInputElement).value).toBe('');
    expect(($('input[name="password"]') as HTMLInputElement).value).toBe('');
    expect(callsOf(fetch, 'GET')).toHaveLength(2);
  });
});

describe('UsersPanel: the list', () => {
  it('shows each account’s role and state, and offers no disable on one’s own row', async () => {
    await open();
    expect(rowOf('sara').textContent).toContain('ضابط نوبتجية');
    expect(rowOf('sara').querySelector('[data-testid="user-status"]')!.textContent).toBe('مفعّل');
    expect(rowOf('root').querySelector('[data-testid="user-disable"]')).toBeNull();
    expect(rowOf('sara').querySelector('[data-testid="user-disable"]')).not.toBeNull();
  });

  it('disables only after the confirmation, and cancel changes nothing', async () => {
    const fetch = await open({ 'PATCH /api/v1/users/u2': () => jsonResponse(200, { user: { ...sara, disabled: true } }) });
    await click(rowOf('sara').querySelector('[data-testid="user-disable"]'));
    expect(document.activeElement?.getAttribute('data-testid')).toBe('user-disable-cancel');
    await click(byId('user-disable-cancel'));
    expect(callsOf(fetch, 'PATCH')).toHaveLength(0);
    await click(rowOf('sara').querySelector('[data-testid="user-disable"]'));
    await click(byId('user-disable-confirm'));
    expect(bodyOf(fetch, 'PATCH')).toEqual({ disabled: true });
    expect(byId('users-notice')!.textContent).toContain('sara');
  });

  it('resets a password, then clears and closes the form', async () => {
    const fetch = await open({ 'PATCH /api/v1/users/u2': () => jsonResponse(200, { user: sara }) });
    await click(rowOf('sara').querySelector('[data-testid="user-reset-open"]'));
    typeInto($('input[name="new-password"]'), 'tiny');
    await submit('user-reset-form');
    expect(byId('field-error-new-password')!.textContent).toBe('يجب ألا تقل كلمة المرور عن ١٠ أحرف');
    expect(($('input[name="new-password"]') as HTMLInputElement).value).toBe('');
    typeInto($('input[name="new-password"]'), 'a new long password');
    await submit('user-reset-form');
    expect(bodyOf(fetch, 'PATCH')).toEqual({ password: 'a new long password' });
    expect(byId('user-reset-form')).toBeNull();
    expect(byId('users-notice')!.textContent).toBe('تغيّرت كلمة مرور sara وأُنهيت جلساته المفتوحة');
    expect(view!.container.textContent).not.toContain('a new long password');
  });

  it('says when the list cannot be loaded, and tries again on request', async () => {
    let fail = true;
    mockFetch({ 'GET /api/v1/users': () => (fail ? jsonResponse(503, { error: { code: 'unavailable', message: 'busy' } }) : jsonResponse(200, { users: [] })) });
    view = await render(<UsersPanel />);
    await act(async () => {});
    expect(byId('users-error')!.textContent).toContain('الخادم مشغول');
    fail = false;
    await click(byId('users-error')!.querySelector('button'));
    expect(byId('users-empty')!.textContent).toBe('لا توجد حسابات بعد');
  });
});
