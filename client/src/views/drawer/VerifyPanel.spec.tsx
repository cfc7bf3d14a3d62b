import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useStore } from '../../store';
import { jsonResponse, mockFetch } from '../../test/fetch-mock';
import { makeIncident } from '../../test/fixtures';
import { render, type Rendered } from '../../test/render';
import { IncidentDrawer } from './IncidentDrawer';

let view: Rendered | undefined;
const $ = (selector: string) => view!.container.querySelector<HTMLElement>(selector);
const social = makeIncident({ source: 'social', status: 'verifying', plate: null });

beforeEach(() => useStore.setState(useStore.getInitialState(), true));
afterEach(() => {
  view?.unmount();
  vi.unstubAllGlobals();
});

async function open(incident = social, role: 'officer' | 'dispatcher' = 'officer') {
  const sent: unknown[] = [];
  useStore.getState().setUser({ id: 'u1', username: 'officer1', role });
  useStore.getState().upsertIncident(incident);
  mockFetch({
    [`GET /api/v1/incidents/${incident.id}`]: () => jsonResponse(200, { ...incident, alerts: [], history: [] }),
    [`POST /api/v1/incidents/${incident.id}/verify`]: (init) => {
      sent.push(JSON.parse(String(init?.body)));
      return jsonResponse(200, {
        ...incident,
        seq: 9,
        status: 'verified',
        claimedBy: { userId: 'u1', username: 'officer1', at: '2026-11-22T18:02:00Z' },
        verification: { verdict: 'verified', reason: null, by: { userId: 'u1', username: 'officer1' }, at: '2026-11-22T18:02:00Z' },
      });
    },
  });
  useStore.getState().openIncident(incident.id);
  view = await render(<IncidentDrawer />);
  return sent;
}

describe('VerifyPanel', () => {
  it('is shown for a social report being verified, to an officer but not a dispatcher', async () => {
    await open();
    expect($('[data-testid="verify-panel"]')).not.toBeNull();
    view!.unmount();
    useStore.setState(useStore.getInitialState(), true);
    await open(social, 'dispatcher');
    expect($('[data-testid="verify-panel"]')).toBeNull();
  });

  it('refuses a rejection without a reason before sending anything', async () => {
    const sent = await open();
    await act(async () => $('[data-testid="verify-reject"]')!.click());
    expect($('[data-testid="verify-error"]')?.textContent).toBe('اكتب سبب الرفض');
    expect(sent).toEqual([]);
  });

  it('verifies, then offers the legal action form to the verifier', async () => {
    const sent = await open();
    await act(async () => $('[data-testid="verify-accept"]')!.click());
    expect(sent).toEqual([{ verdict: 'verified' }]);
    expect($('[data-testid="verify-panel"]')).toBeNull();
    expect($('[data-testid="verification"]')?.textContent).toContain('officer1');
    expect($('[data-testid="action-open"]')).not.toBeNull();
  });
});
