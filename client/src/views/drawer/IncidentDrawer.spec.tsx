import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Incident, Role } from '@rasd/shared';
import { useStore } from '../../store';
import { mockFetch, jsonResponse } from '../../test/fetch-mock';
import { makeIncident } from '../../test/fixtures';
import { render, type Rendered } from '../../test/render';
import { IncidentDrawer } from './IncidentDrawer';

let view: Rendered | undefined;
const $ = (selector: string) => view!.container.querySelector<HTMLElement>(selector);
const $$ = (selector: string) => Array.from(view!.container.querySelectorAll<HTMLElement>(selector));
const held = (userId: string, username = userId) => ({ userId, username, at: '2026-11-22T18:01:00Z' });

beforeEach(() => useStore.setState(useStore.getInitialState(), true));
afterEach(() => {
  view?.unmount();
  vi.unstubAllGlobals();
});

async function openDrawer(incident: Incident, role: Role = 'officer', detail: Record<string, unknown> = {}) {
  const state = useStore.getState();
  state.setUser({ id: 'u1', username: 'officer1', role });
  state.upsertIncident(incident);
  const fetchMock = mockFetch({
    [`GET /api/v1/incidents/${incident.id}`]: () => jsonResponse(200, { ...incident, alerts: [], history: [], ...detail }),
  });
  state.openIncident(incident.id);
  view = await render(<IncidentDrawer />);
  await act(async () => {}); // let the detail load settle
  return fetchMock;
}

const buttons = () => $$('button[data-testid$="-button"]').map((b) => b.dataset['testid']);

describe('IncidentDrawer', () => {
  it('opens on the selected incident with its id and the claim button for an officer', async () => {
    await openDrawer(makeIncident());
    expect($('[data-testid="incident-drawer"]')?.dataset['incidentId']).toBe('inc-1');
    expect(buttons()).toEqual(['claim-button']);
    expect($('[data-testid="claim-holder"]')?.textContent).toBe('لم يستلمها أحد بعد');
  });

  it('shows a commander take-over, release and hand-over on an incident another officer holds', async () => {
    await openDrawer(makeIncident({ status: 'claimed', claimedBy: held('u2', 'officer2') }), 'commander');
    expect(buttons()).toEqual(['takeover-button', 'release-button', 'handover-button']);
    expect($('[data-testid="action-open"]')).toBeNull();
  });

  it('names the winner at once when the claim loses', async () => {
    const fetchMock = await openDrawer(makeIncident());
    fetchMock.mockImplementation(async (url: string, init?: RequestInit) =>
      init?.method === 'POST'
        ? jsonResponse(409, { error: { code: 'already_claimed', message: 'x', details: [{ path: 'claimedBy', message: 'officer2' }] } })
        : jsonResponse(200, { ...makeIncident({ seq: 2, status: 'claimed', claimedBy: held('u2', 'officer2') }), alerts: [], history: [] }),
    );
    await act(async () => $('[data-testid="claim-button"]')!.click());
    expect($('[data-testid="claim-error"]')?.textContent).toBe('سبقك officer2 واستلمها');
    await vi.waitFor(() => expect($('[data-testid="claim-holder"]')?.textContent).toBe('استلمها officer2'));
  });

  it('follows a live upsert of the holder', async () => {
    await openDrawer(makeIncident());
    await act(async () => {
      useStore.getState().receiveLive(makeIncident({ seq: 3, status: 'claimed', claimedBy: held('u3', 'officer3') }));
    });
    expect($('[data-testid="claim-holder"]')?.textContent).toBe('استلمها officer3');
    expect($('[data-testid="claim-button"]')).toBeNull();
  });

  it('closes on Escape', async () => {
    await openDrawer(makeIncident());
    await act(async () => {
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    });
    expect($('[data-testid="incident-drawer"]')).toBeNull();
    expect(useStore.getState().drawerId).toBeNull();
  });

  it('links only http(s) media, in a new tab without an opener, and shows http(s) snapshots only', async () => {
    const alert = (id: string, snapshotUrl: string, clipUrl: string) => ({
      id, incidentId: 'inc-1', seq: 1, source: 'camera', sender: 'gw', receivedAt: '2026-11-22T18:00:00Z',
      eventId: id, cameraId: 'RR-N-017', kind: 'wrong_way', observedAt: '2026-11-22T18:00:00Z',
      location: { lat: 30, lon: 31 }, media: { snapshotUrl, clipUrl },
    });
    await openDrawer(makeIncident(), 'officer', {
      alerts: [alert('a1', 'https://cams.example/s.jpg', 'https://cams.example/c.mp4'), alert('a2', 'javascript:alert(1)', 'data:text/html,x')],
    });
    const links = $$('[data-testid="media-link"]');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://cams.example/s.jpg', 'https://cams.example/c.mp4']);
    expect(links.every((a) => a.getAttribute('rel') === 'noopener noreferrer' && a.getAttribute('target') === '_blank')).toBe(true);
    expect($$('img').map((img) => img.getAttribute('src'))).toEqual(['https://cams.example/s.jpg']);
  });

  it('shows the timeline with who did what', async () => {
    await openDrawer(makeIncident(), 'officer', {
      history: [
        { seq: 1, at: '2026-11-22T18:00:00Z', type: 'opened', actor: 'gw', data: {} },
        { seq: 2, at: '2026-11-22T18:01:00Z', type: 'handed_over', actor: 'commander1', data: { from: 'officer1', to: 'officer2' } },
      ],
    });
    const items = $$('[data-testid="timeline-item"]');
    expect(items).toHaveLength(2);
    expect(items[1]?.textContent).toContain('سُلّمت من officer1 إلى officer2');
    expect(items[1]?.textContent).toContain('commander1');
  });
});
