import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { appStateCreator, type AppState } from '../store';
import { makeIncident } from '../test/fixtures';
import { claimIncident, isClaimFeedbackCurrent } from './incident-commands';

let store: StoreApi<AppState>;

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

beforeEach(() => {
  store = createStore<AppState>()(appStateCreator('ar'));
  store.getState().upsertIncident(makeIncident({ seq: 5 }));
});
afterEach(() => vi.unstubAllGlobals());

describe('claimIncident', () => {
  it('applies the claimed incident from the answer without waiting for the live event', async () => {
    const claimed = makeIncident({ seq: 6, status: 'claimed', claimedBy: { userId: 'u1', username: 'officer1', at: '2026-11-22T18:01:00Z' } });
    const fetchMock = vi.fn(async () => jsonResponse(200, claimed));
    vi.stubGlobal('fetch', fetchMock);
    const result = await claimIncident('inc-1', store);
    expect(result.ok).toBe(true);
    expect(store.getState().incidents['inc-1']?.claimedBy?.username).toBe('officer1');
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/incidents/inc-1/claim');
    expect(init.method).toBe('POST');
  });

  it('names the winner at once when the claim loses the race, then re-reads the incident', async () => {
    const winner = makeIncident({ seq: 7, status: 'claimed', claimedBy: { userId: 'u2', username: 'officer2', at: '2026-11-22T18:01:00Z' } });
    vi.stubGlobal(
      'fetch',
      vi
        .fn()
        .mockResolvedValueOnce(
          jsonResponse(409, {
            error: { code: 'already_claimed', message: 'already claimed by officer2', details: [{ path: 'claimedBy', message: 'officer2' }] },
          }),
        )
        .mockResolvedValueOnce(jsonResponse(200, { ...winner, alerts: [], history: [] })),
    );
    const result = await claimIncident('inc-1', store);
    expect(result.ok).toBe(false);
    expect(store.getState().claimFeedback['inc-1']).toEqual({ kind: 'lost', holder: 'officer2', seq: 5 });
    await vi.waitFor(() => expect(store.getState().incidents['inc-1']?.claimedBy?.username).toBe('officer2'));
  });

  it('remembers any other refusal by its code', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(409, { error: { code: 'invalid_transition', message: 'closed' } })));
    await claimIncident('inc-1', store);
    expect(store.getState().claimFeedback['inc-1']).toEqual({ kind: 'failed', code: 'invalid_transition', seq: 5 });
  });
});

describe('isClaimFeedbackCurrent', () => {
  const held = (username: string, seq: number) =>
    makeIncident({ seq, status: 'claimed', claimedBy: { userId: username, username, at: '2026-11-22T18:01:00Z' } });

  it('keeps "claimed by X" while X holds it, and before any newer state arrives', () => {
    const lost = { kind: 'lost', holder: 'officer2', seq: 5 } as const;
    expect(isClaimFeedbackCurrent(lost, makeIncident({ seq: 5 }))).toBe(true);
    expect(isClaimFeedbackCurrent(lost, held('officer2', 9))).toBe(true);
  });

  it('drops it once X released or handed the incident on', () => {
    const lost = { kind: 'lost', holder: 'officer2', seq: 5 } as const;
    expect(isClaimFeedbackCurrent(lost, makeIncident({ seq: 10 }))).toBe(false);
    expect(isClaimFeedbackCurrent(lost, held('officer3', 11))).toBe(false);
  });

  it('drops any other refusal once the incident changes', () => {
    const failed = { kind: 'failed', code: 'forbidden', seq: 5 } as const;
    expect(isClaimFeedbackCurrent(failed, makeIncident({ seq: 5 }))).toBe(true);
    expect(isClaimFeedbackCurrent(failed, makeIncident({ seq: 6 }))).toBe(false);
    expect(isClaimFeedbackCurrent(undefined, makeIncident())).toBe(false);
  });
});
