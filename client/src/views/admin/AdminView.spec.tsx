import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '@rasd/shared';
import { useStore } from '../../store';
import { jsonResponse, mockFetch } from '../../test/fetch-mock';
import { render, type Rendered } from '../../test/render';
import { AdminView } from './AdminView';

// The page opens the live socket; these tests are about what it shows to whom.
vi.mock('../../transport/socket', () => ({ startLiveConnection: () => () => {} }));

let view: Rendered | undefined;
const byId = (id: string) => view!.container.querySelector<HTMLElement>(`[data-testid="${id}"]`);

beforeEach(() => {
  useStore.setState(useStore.getInitialState(), true);
  mockFetch({ 'GET /api/v1/users': () => jsonResponse(200, { users: [] }), 'GET /api/v1/webhooks': () => jsonResponse(200, { webhooks: [] }) });
});
afterEach(() => {
  view?.unmount();
  vi.unstubAllGlobals();
});

async function openAs(role: Role) {
  useStore.getState().setUser({ id: 'u1', username: 'someone', role });
  view = await render(<AdminView />);
  await act(async () => {});
}

describe('AdminView', () => {
  it.each(['officer', 'dispatcher'] as const)('tells a %s the page is not permitted, with a way back', async (role) => {
    await openAs(role);
    expect(byId('admin-forbidden')!.textContent).toContain('ليست لديك صلاحية لفتح صفحة الإدارة');
    expect(byId('admin-forbidden')!.querySelector('a')!.getAttribute('href')).toBe('/');
    expect(byId('users-panel')).toBeNull();
    expect(byId('webhooks-panel')).toBeNull();
  });

  it('gives a commander the webhooks only', async () => {
    await openAs('commander');
    expect(byId('webhooks-panel')).not.toBeNull();
    expect(byId('admin-tab-users')).toBeNull();
    expect(byId('nav-admin')!.getAttribute('href')).toBe('/admin');
  });

  it('gives an admin both, accounts first', async () => {
    await openAs('admin');
    expect(byId('users-panel')).not.toBeNull();
    await act(async () => byId('admin-tab-webhooks')!.click());
    expect(byId('webhooks-panel')).not.toBeNull();
    expect(byId('admin-tab-webhooks')!.getAttribute('aria-selected')).toBe('true');
  });
});
