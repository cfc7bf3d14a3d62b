import type { ParsedIncidentList } from '../lib/parse';
import type { StoreHandle } from '../store';

/** Fetches what changed after `since`; null means "no seq yet: give the active incidents". */
export type FetchSince = (since: number | null) => Promise<ParsedIncidentList>;

/**
 * The most incidents one `since` answer carries (the server's page; shared's list `limit` maximum).
 * A full answer ends at the seq of its last incident, and the rest must be asked for.
 */
export const catchUpPageMax = 5000;

/**
 * One catch-up: live events are buffered from before the request is sent, so together
 * with the answer they cover everything after `from()` (by default `lastSeq`; after a reconnect,
 * a little before it: see shared's resume point). False if superseded.
 */
export async function catchUp(store: StoreHandle, fetchSince: FetchSince, from: () => number | null = () => store.getState().lastSeq): Promise<boolean> {
  const since = from();
  const token = store.getState().beginCatchUp();
  const list = await fetchAllSince(fetchSince, since);
  return store.getState().finishCatchUp(token, list);
}

/**
 * Every page after `since`, as one list. Applying a cut-short page on its own would let the
 * buffered live events (newer seqs) lift `lastSeq` past the changes still unfetched.
 */
async function fetchAllSince(fetchSince: FetchSince, since: number | null) {
  let page = await fetchSince(since);
  if (since === null) return page;
  const incidents = [...page.incidents];
  while (page.incidents.length >= catchUpPageMax) {
    page = await fetchSince(page.seq);
    incidents.push(...page.incidents);
  }
  return { incidents, seq: page.seq };
}

export interface RetryOptions {
  /** Stop retrying once this turns false (the socket dropped; its next connect retries). */
  shouldContinue: () => boolean;
  sleep?: (ms: number) => Promise<void>;
  delaysMs?: readonly number[];
  onError?: (error: unknown) => void;
  /** Where each attempt starts (default: the store's `lastSeq`). */
  from?: () => number | null;
}

const defaultDelays = [1_000, 2_000, 4_000, 8_000, 15_000];
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Retries `catchUp` with backoff; resolves true once caught up, false when told to stop. */
export async function catchUpWithRetry(
  store: StoreHandle,
  fetchSince: FetchSince,
  options: RetryOptions,
): Promise<boolean> {
  const delays = options.delaysMs ?? defaultDelays;
  const sleep = options.sleep ?? defaultSleep;
  for (let attempt = 0; options.shouldContinue(); attempt++) {
    try {
      if (await catchUp(store, fetchSince, options.from)) return true;
      return false;
    } catch (error) {
      options.onError?.(error);
    }
    const delay = delays[Math.min(attempt, delays.length - 1)] ?? 15_000;
    await sleep(delay);
  }
  return false;
}
