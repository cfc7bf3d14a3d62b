import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { User } from '@rasd/shared';
import { useStore } from '../../store';
import { jsonResponse, mockFetch } from '../../test/fetch-mock';
import { makeIncident } from '../../test/fixtures';
import { render, type Rendered } from '../../test/render';
import { handoverCandidates, HandoverPicker } from './HandoverPicker';

const user = (username: string, role: User['role'], disabled = false): User => ({ id: 'id-' + username, username, role, disabled });
const users = [user('officer2', 'officer'), user('admin1', 'admin'), user('officer1', 'officer'), user('gone', 'officer', true), user('disp1', 'dispatcher')];

let view: Rendered | undefined;
beforeEach(() => useStore.setState(useStore.getInitialState(), true));
afterEach(() => {
  view?.unmount();
  vi.unstubAllGlobals();
});

describe('handoverCandidates', () => {
  it('lists active operational users other than the holder, by name', () => {
    expect(handoverCandidates(users, 'officer1').map((u) => u.username)).toEqual(['disp1', 'officer2']);
  });
});

describe('HandoverPicker', () => {
  it('hands the incident to the chosen user and applies the answer', async () => {
    const incident = makeIncident({ status: 'claimed', claimedBy: { userId: 'id-officer1', username: 'officer1', at: '2026-11-22T18:01:00Z' } });
    useStore.getState().upsertIncident(incident);
    const sent: unknown[] = [];
    mockFetch({
      'GET /api/v1/users': () => jsonResponse(200, { users }),
      'POST /api/v1/incidents/inc-1/handover': (init) => {
        sent.push(JSON.parse(String(init?.body)));
        return jsonResponse(200, { ...incident, seq: 5, claimedBy: { userId: 'id-officer2', username: 'officer2', at: '2026-11-22T18:03:00Z' } });
      },
    });
    const onDone = vi.fn();
    view = await render(<HandoverPicker incident={incident} onDone={onDone} />);
    const select = view.container.querySelector<HTMLSelectElement>('select[name="handoverTo"]')!;
    expect(Array.from(select.options).map((o) => o.value)).toEqual(['', 'disp1', 'officer2']);
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!.call(select, 'officer2');
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await act(async () => view!.container.querySelector<HTMLButtonElement>('[data-testid="handover-confirm"]')!.click());
    expect(sent).toEqual([{ username: 'officer2' }]);
    expect(useStore.getState().incidents['inc-1']?.claimedBy?.username).toBe('officer2');
    expect(onDone).toHaveBeenCalled();
  });
});
