import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useStore } from '../store';
import { makeIncident } from '../test/fixtures';
import { render, type Rendered } from '../test/render';
import { IncidentPanel } from './IncidentPanel';

let view: Rendered | undefined;

beforeEach(() => {
  useStore.setState(useStore.getInitialState(), true);
});
afterEach(() => view?.unmount());

function loadIncidents(...incidents: ReturnType<typeof makeIncident>[]) {
  const token = useStore.getState().beginCatchUp();
  useStore.getState().finishCatchUp(token, { incidents, seq: 100 });
}

const items = () => Array.from(view!.container.querySelectorAll<HTMLElement>('[data-testid="incident-item"]'));

function press(target: HTMLElement, key: string) {
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  });
}

describe('IncidentPanel', () => {
  it('shows a loading state until the first catch-up', async () => {
    view = await render(<IncidentPanel />);
    expect(view.container.querySelector('[data-testid="incident-loading"]')).not.toBeNull();
    expect(view.container.querySelector('[data-testid="incident-empty"]')).toBeNull();
  });

  it('shows the Arabic empty state when nothing is active', async () => {
    loadIncidents(makeIncident({ status: 'closed' }));
    view = await render(<IncidentPanel />);
    expect(view.container.querySelector('[data-testid="incident-empty"]')?.textContent).toBe('لا توجد وقائع نشطة');
    expect(view.container.querySelector('[data-testid="incident-list"]')).not.toBeNull();
    expect(items()).toHaveLength(0);
  });

  it('lists incidents newest first with their id, Arabic labels and plate as text', async () => {
    loadIncidents(
      makeIncident({ id: 'older', lastSeenAt: '2026-11-22T10:00:00Z', kind: 'reckless', plate: '<b>x</b>' }),
      makeIncident({ id: 'newer', lastSeenAt: '2026-11-22T11:00:00Z' }),
    );
    view = await render(<IncidentPanel />);
    expect(items().map((li) => li.dataset['incidentId'])).toEqual(['newer', 'older']);
    expect(items()[0]?.textContent).toContain('سير عكس الاتجاه');
    expect(items()[0]?.textContent).toContain('الطريق الدائري');
    expect(items()[1]?.textContent).toContain('<b>x</b>');
    expect(items()[1]?.querySelector('b')).toBeNull();
  });

  it('selects an item with Enter and asks the map to pan to it', async () => {
    loadIncidents(makeIncident({ id: 'a' }), makeIncident({ id: 'b', lastSeenAt: '2026-11-22T19:00:00Z' }));
    view = await render(<IncidentPanel />);
    const [first, second] = items();
    expect(first?.tabIndex).toBe(0);
    press(second!, 'Enter');
    expect(useStore.getState().selectedId).toBe('a');
    expect(useStore.getState().focusRequest).toBe(1);
    expect(second?.getAttribute('aria-selected')).toBe('true');
  });

  it('moves focus between items with the arrow keys', async () => {
    loadIncidents(makeIncident({ id: 'a' }), makeIncident({ id: 'b', lastSeenAt: '2026-11-22T19:00:00Z' }));
    view = await render(<IncidentPanel />);
    const [first, second] = items();
    first!.focus();
    press(first!, 'ArrowDown');
    expect(document.activeElement).toBe(second);
    press(second!, 'ArrowUp');
    expect(document.activeElement).toBe(first);
  });
});

describe('IncidentPanel shortcuts', () => {
  const mine = { userId: 'u1', username: 'officer1', at: '2026-11-22T18:01:00Z' };

  it('claims the focused incident with c and opens the drawer on it', async () => {
    useStore.getState().setUser({ id: 'u1', username: 'officer1', role: 'officer' });
    const fetchMock = vi.fn(async () => new Response(JSON.stringify(makeIncident({ id: 'a', seq: 200, status: 'claimed', claimedBy: mine })), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    loadIncidents(makeIncident({ id: 'a' }));
    view = await render(<IncidentPanel />);
    await act(async () => {
      items()[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'c', code: 'KeyC', bubbles: true }));
    });
    expect(useStore.getState().drawerId).toBe('a');
    expect(fetchMock).toHaveBeenCalledWith('/api/v1/incidents/a/claim', expect.objectContaining({ method: 'POST' }));
    expect(useStore.getState().incidents['a']?.claimedBy?.username).toBe('officer1');
    vi.unstubAllGlobals();
  });

  it('opens the action form with a only for the holder', async () => {
    useStore.getState().setUser({ id: 'u1', username: 'officer1', role: 'officer' });
    loadIncidents(makeIncident({ id: 'a', status: 'claimed', claimedBy: mine }), makeIncident({ id: 'b', lastSeenAt: '2026-11-22T17:00:00Z' }));
    view = await render(<IncidentPanel />);
    press(items()[1]!, 'a');
    expect(useStore.getState().drawerId).toBe('b');
    expect(useStore.getState().actionForm).toBeNull();
    press(items()[0]!, 'a');
    expect(useStore.getState().drawerId).toBe('a');
    expect(useStore.getState().actionForm).toEqual({ corrects: null });
  });

  it('selects as the arrows move and keeps one tab stop in the queue', async () => {
    loadIncidents(makeIncident({ id: 'a' }), makeIncident({ id: 'b', lastSeenAt: '2026-11-22T17:00:00Z' }));
    view = await render(<IncidentPanel />);
    expect(items().map((li) => li.tabIndex)).toEqual([0, -1]);
    items()[0]!.focus();
    press(items()[0]!, 'ArrowDown');
    expect(useStore.getState().selectedId).toBe('b');
    expect(useStore.getState().drawerId).toBeNull();
    expect(items().map((li) => li.tabIndex)).toEqual([-1, 0]);
  });

  it('names the shortcuts in a help line', async () => {
    view = await render(<IncidentPanel />);
    expect(view.container.querySelector('[data-testid="keyboard-help"]')?.textContent).toContain('استلام');
  });
});
