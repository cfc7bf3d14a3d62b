import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/http';
import { useStore } from '../store';
import { render, type Rendered } from '../test/render';
import { LoginView, loginErrorKey, needsSecondFactor } from './LoginView';

let view: Rendered | undefined;

beforeEach(() => {
  useStore.setState(useStore.getInitialState(), true);
});
afterEach(() => {
  view?.unmount();
  vi.unstubAllGlobals();
});

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

async function submit(username: string, password: string) {
  const form = view!.container.querySelector('form')!;
  const set = (name: string, value: string) => {
    const input = form.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
    // React tracks the value property; go through the native setter so onChange fires.
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  await act(async () => {
    set('username', username);
    set('password', password);
  });
  await act(async () => {
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  });
}

describe('LoginView', () => {
  it('shows a clear Arabic message on 401 and stays signed out', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(401, { error: { code: 'unauthorized', message: 'bad' } })));
    view = await render(<LoginView />);
    await submit('demo', 'wrong');
    expect(view.container.querySelector('[role="alert"]')?.textContent).toBe('اسم المستخدم أو كلمة المرور غير صحيحة');
    expect(useStore.getState().sessionStatus).toBe('checking');
  });

  it('signs in with the typed credentials', async () => {
    const fetchMock = vi.fn(async () => jsonResponse(200, { user: { id: 'u1', username: 'demo', role: 'officer' } }));
    vi.stubGlobal('fetch', fetchMock);
    view = await render(<LoginView />);
    await submit('demo', 'demo-pass-123');
    expect(useStore.getState().user).toEqual({ id: 'u1', username: 'demo', role: 'officer' });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/session');
    expect(JSON.parse(String(init.body))).toEqual({ username: 'demo', password: 'demo-pass-123' });
  });
});

describe('loginErrorKey', () => {
  it('tells a wrong password, throttling and an unreachable server apart', () => {
    expect(loginErrorKey(new ApiError(401, 'unauthorized', ''))).toBe('login.invalid');
    expect(loginErrorKey(new ApiError(429, 'too_many_requests', ''))).toBe('login.tooMany');
    expect(loginErrorKey(new ApiError(0, 'network', ''))).toBe('login.network');
    expect(loginErrorKey(new Error('boom'))).toBe('login.failed');
  });
});

describe('second factor', () => {
  it('asks for the authenticator code only when the server names the totp field', () => {
    expect(needsSecondFactor(new ApiError(401, 'unauthorized', 'x', [{ path: 'totp', message: 'required' }]))).toBe(true);
    expect(needsSecondFactor(new ApiError(401, 'unauthorized', 'x', []))).toBe(false);
    expect(loginErrorKey(new ApiError(401, 'unauthorized', 'x', [{ path: 'totp', message: 'required' }]))).toBe('login.totpRequired');
  });
});
