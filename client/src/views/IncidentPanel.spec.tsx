import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useStore } from '../store';
import { makeIncident } from '../test/fixtures';
import { render, type Rendered } from '../test/render';
import { IncidentPanel, queuePage } from './IncidentPanel';

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

  it('draws the first page of a long queue and the next page on request', async () => {
    const total = queuePage + 30;
    loadIncidents(...Array.from({ length: total }, (_, i) => makeIncident({ id: `i${i}`, lastSeenAt: new Date(Date.UTC(2026, 10, 22, 10, 0, i)).toISOString() })));
    view = await render(<IncidentPanel />);
    expect(items()).toHaveLength(queuePage);
    expect(items()[0]?.dataset['incidentId']).toBe(`i${total - 1}`);
    const more = view.container.querySelector<HTMLElement>('[data-testid="queue-more"]')!;
    expect(more.textContent).toContain('١٠٠');
    act(() => more.querySelector('button')!.click());
    expect(items()).toHaveLength(total);
    expect(view.container.querySelector('[data-testid="queue-more"]')).toBeNull();
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

describe('IncidentPanel social queue', () => {
  const post = (text: string, mediaUrl: string | null) => ({
    platform: 'tiktok' as const,
    postUrl: 'https://www.tiktok.com/@w/video/1',
    postedAt: '2026-11-22T17:00:00Z',
    text,
    author: 'witness',
    mediaUrl,
    engagement: { views: 120_000, shares: 900 },
  });
  const social = (id: string, priority: number, minute: number, mediaUrl: string | null = 'https://media.example.org/v.mp4') =>
    makeIncident({ id, seq: minute, source: 'social', status: 'verifying', priority, lastSeenAt: `2026-11-22T18:${String(minute).padStart(2, '0')}:00Z`, socialPost: post(`منشور ${id} <img src=x>`, mediaUrl) });
  const showSocial = () => act(() => view!.container.querySelector<HTMLElement>('[data-testid="queue-social"]')!.click());

  it('lists only social and mixed incidents, most viral first, then newest first when asked', async () => {
    loadIncidents(social('quiet', 30, 9), social('viral', 90, 1), makeIncident({ id: 'camera', lastSeenAt: '2026-11-22T19:00:00Z' }), { ...social('mixed', 60, 5), source: 'mixed' });
    view = await render(<IncidentPanel />);
    expect(items().map((i) => i.dataset['incidentId'])).toEqual(['camera', 'quiet', 'mixed', 'viral']);
    showSocial();
    expect(view.container.querySelector('[data-testid="social-queue"]')?.getAttribute('role')).toBe('feed');
    expect(items().map((i) => i.dataset['incidentId'])).toEqual(['viral', 'mixed', 'quiet']);
    act(() => view!.container.querySelector<HTMLElement>('[data-testid="social-order-newest"]')!.click());
    expect(items().map((i) => i.dataset['incidentId'])).toEqual(['quiet', 'mixed', 'viral']);
  });

  it('re-ranks when a live update raises a post’s priority', async () => {
    loadIncidents(social('quiet', 30, 9), social('viral', 90, 1));
    view = await render(<IncidentPanel />);
    showSocial();
    expect(items().map((i) => i.dataset['incidentId'])).toEqual(['viral', 'quiet']);
    act(() => useStore.getState().receiveLive({ ...social('quiet', 97, 10), seq: 200 }));
    expect(items().map((i) => i.dataset['incidentId'])).toEqual(['quiet', 'viral']);
  });

  it('shows the post as text with its own direction, the priority, engagement and a safe new-tab link', async () => {
    loadIncidents(social('a', 88, 2), social('hostile', 40, 1, 'javascript:alert(1)'));
    view = await render(<IncidentPanel />);
    showSocial();
    const [first, second] = items();
    const text = first!.querySelector('[data-testid="social-post-text"]')!;
    expect(text.textContent).toBe('منشور a <img src=x>');
    expect(text.getAttribute('dir')).toBe('auto');
    expect(first!.querySelector('img')).toBeNull();
    expect(first!.querySelector('[data-testid="social-priority"]')?.textContent).toBe('الانتشار ٨٨');
    expect(first!.querySelector('[data-testid="social-engagement"]')?.textContent).toContain('مشاهدات: ١٢٠');
    const link = first!.querySelector<HTMLAnchorElement>('[data-testid="media-link"]')!;
    expect([link.href, link.target, link.rel]).toEqual(['https://media.example.org/v.mp4', '_blank', 'noopener noreferrer']);
    // A javascript: media URL is never a link: the post's own (http) address is offered instead.
    expect(second!.querySelector<HTMLAnchorElement>('[data-testid="media-link"]')?.href).toBe('https://www.tiktok.com/@w/video/1');
  });

  it('keeps the queue keys on the articles and leaves Enter on a link to the link', async () => {
    loadIncidents(social('a', 90, 2), social('b', 50, 1));
    view = await render(<IncidentPanel />);
    showSocial();
    const links = () => items().map((i) => i.querySelector<HTMLElement>('[data-testid="media-link"]')!.tabIndex);
    expect(links()).toEqual([0, -1]);
    items()[0]!.focus();
    press(items()[0]!, 'ArrowDown');
    expect(document.activeElement).toBe(items()[1]);
    expect(useStore.getState().selectedId).toBe('b');
    expect(items()[1]!.getAttribute('aria-current')).toBe('true');
    expect(links()).toEqual([-1, 0]);
    press(items()[1]!.querySelector('[data-testid="media-link"]')!, 'Enter');
    expect(useStore.getState().drawerId).toBeNull();
    press(items()[1]!, 'Enter');
    expect(useStore.getState().drawerId).toBe('b');
  });
});
