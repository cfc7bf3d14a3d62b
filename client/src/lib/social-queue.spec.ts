import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { appStateCreator, type AppState } from '../store';
import { makeIncident } from '../test/fixtures';
import { activeNewestFirst } from './incidents';
import { socialQueue } from './social-queue';

const at = (minute: number) => `2026-11-22T18:${String(minute).padStart(2, '0')}:00.000Z`;
const social = (id: string, priority: number | undefined, minute: number, seq = minute) =>
  makeIncident({ id, source: 'social', status: 'verifying', priority, lastSeenAt: at(minute), seq });
const ids = (list: readonly { id: string }[]) => list.map((i) => i.id);

describe('socialQueue', () => {
  it('keeps social and mixed incidents, leaves camera ones out', () => {
    const list = [social('s', 10, 1), makeIncident({ id: 'm', source: 'mixed', priority: 5 }), makeIncident({ id: 'c', source: 'camera' })];
    expect(ids(socialQueue(list, 'viral'))).toEqual(['s', 'm']);
  });

  it('puts the most viral first, whatever its age, and the newest first when asked', () => {
    const list = [social('quiet-new', 20, 9), social('viral-old', 90, 1), social('mid', 55, 5)];
    expect(ids(socialQueue(list, 'viral'))).toEqual(['viral-old', 'mid', 'quiet-new']);
    expect(ids(socialQueue(list, 'newest'))).toEqual(['quiet-new', 'mid', 'viral-old']);
  });

  it('breaks ties by the latest report, then by seq', () => {
    const list = [social('older', 50, 1), social('newer', 50, 2), social('same-time-low-seq', 50, 2, 1)];
    expect(ids(socialQueue(list, 'viral'))).toEqual(['newer', 'same-time-low-seq', 'older']);
  });

  it('ranks a missing priority after every scored one, zero included, newest first among them', () => {
    const list = [social('none-old', undefined, 1), social('zero', 0, 0), social('none-new', undefined, 8), social('some', 12, 3)];
    expect(ids(socialQueue(list, 'viral'))).toEqual(['some', 'zero', 'none-new', 'none-old']);
  });

  it('re-ranks when a live update raises an incident’s priority, and ignores a stale one', () => {
    const store = createStore<AppState>()(appStateCreator('ar'));
    const queue = () => ids(socialQueue(activeNewestFirst(store.getState().incidents), 'viral'));
    store.getState().receiveLive(social('quiet', 30, 1));
    store.getState().receiveLive(social('viral', 80, 2));
    expect(queue()).toEqual(['viral', 'quiet']);
    // A re-share of the quiet post went viral: the server raised its priority in a newer change.
    store.getState().receiveLive({ ...social('quiet', 95, 3), seq: 10 });
    expect(queue()).toEqual(['quiet', 'viral']);
    store.getState().receiveLive({ ...social('quiet', 30, 1), seq: 4 });
    expect(queue()).toEqual(['quiet', 'viral']);
  });

  it('does not reorder the list it was given', () => {
    const list = [social('a', 1, 1), social('b', 2, 2)];
    socialQueue(list, 'viral');
    expect(ids(list)).toEqual(['a', 'b']);
  });
});
