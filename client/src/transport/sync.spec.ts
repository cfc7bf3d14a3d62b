import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { appStateCreator, type AppState } from '../store';
import { makeIncident } from '../test/fixtures';
import type { ParsedIncidentList } from '../lib/parse';
import { catchUp, catchUpPageMax, catchUpWithRetry } from './sync';

let store: StoreApi<AppState>;

beforeEach(() => {
  store = createStore<AppState>()(appStateCreator('ar'));
});

describe('catchUp', () => {
  it('asks for the active list first (null), then for changes after lastSeq', async () => {
    const fetchSince = vi.fn(async (): Promise<ParsedIncidentList> => ({ incidents: [makeIncident({ seq: 7 })], seq: 9 }));
    await catchUp(store, fetchSince);
    await catchUp(store, fetchSince);
    expect(fetchSince.mock.calls).toEqual([[null], [9]]);
  });

  it('applies live events that arrive while the request is in flight, after the answer', async () => {
    let answer: (list: ParsedIncidentList) => void = () => {};
    const pending = catchUp(store, () => new Promise((resolve) => (answer = resolve)));
    store.getState().receiveLive(makeIncident({ id: 'live', seq: 31 }));
    expect(store.getState().incidents['live']).toBeUndefined();
    answer({ incidents: [makeIncident({ id: 'old', seq: 29 })], seq: 30 });
    await expect(pending).resolves.toBe(true);
    expect(Object.keys(store.getState().incidents).sort()).toEqual(['live', 'old']);
    expect(store.getState().lastSeq).toBe(31);
  });
});

describe('catchUp after a long absence', () => {
  it('fetches every page of a cut-short answer before applying the live events it buffered', async () => {
    store.getState().finishCatchUp(store.getState().beginCatchUp(), { incidents: [], seq: 100 });
    const firstPage = Array.from({ length: catchUpPageMax }, (_, i) => makeIncident({ id: `a${i}`, seq: 101 + i }));
    const calls: (number | null)[] = [];
    const fetchSince = async (since: number | null): Promise<ParsedIncidentList> => {
      calls.push(since);
      // A live event newer than everything missed arrives while the pages are being fetched.
      store.getState().receiveLive(makeIncident({ id: 'live', seq: 9_000 }));
      return since === 100 ? { incidents: firstPage, seq: 100 + catchUpPageMax } : { incidents: [makeIncident({ id: 'tail', seq: 5_200 })], seq: 8_999 };
    };
    await expect(catchUp(store, fetchSince)).resolves.toBe(true);
    expect(calls).toEqual([100, 100 + catchUpPageMax]);
    const { incidents, lastSeq } = store.getState();
    expect(Object.keys(incidents)).toHaveLength(catchUpPageMax + 2);
    expect(incidents['tail']).toBeDefined();
    expect(lastSeq).toBe(9_000);
  });
});

describe('catchUpWithRetry', () => {
  it('retries after a failure and keeps buffering meanwhile', async () => {
    const fetchSince = vi
      .fn<(since: number | null) => Promise<ParsedIncidentList>>()
      .mockRejectedValueOnce(new Error('timeout'))
      .mockResolvedValueOnce({ incidents: [], seq: 4 });
    const sleep = vi.fn(async () => {
      store.getState().receiveLive(makeIncident({ seq: 5 }));
    });
    const done = await catchUpWithRetry(store, fetchSince, { shouldContinue: () => true, sleep, delaysMs: [10] });
    expect(done).toBe(true);
    expect(fetchSince).toHaveBeenCalledTimes(2);
    expect(sleep).toHaveBeenCalledWith(10);
    expect(store.getState().lastSeq).toBe(5);
  });

  it('stops when told to, without applying anything', async () => {
    let connected = true;
    const fetchSince = vi.fn(async (): Promise<ParsedIncidentList> => {
      throw new Error('disconnected');
    });
    const sleep = async () => {
      connected = false;
    };
    const done = await catchUpWithRetry(store, fetchSince, { shouldContinue: () => connected, sleep });
    expect(done).toBe(false);
    expect(fetchSince).toHaveBeenCalledTimes(1);
    expect(store.getState().lastSeq).toBeNull();
  });
});
