import { beforeEach, describe, expect, it } from 'vitest';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { appStateCreator, type AppState } from './index';
import { makeIncident } from '../test/fixtures';

let sut: StoreApi<AppState>;
const state = () => sut.getState();

beforeEach(() => {
  sut = createStore<AppState>()(appStateCreator('ar'));
});

describe('incidents slice: seq rules', () => {
  it('applies an upsert whose seq is newer than the stored one', () => {
    state().upsertIncident(makeIncident({ seq: 5, status: 'new' }));
    expect(state().upsertIncident(makeIncident({ seq: 6, status: 'claimed' }))).toBe(true);
    expect(state().incidents['inc-1']?.status).toBe('claimed');
  });

  it('ignores an upsert with an older or equal seq', () => {
    state().upsertIncident(makeIncident({ seq: 7, status: 'claimed' }));
    expect(state().upsertIncident(makeIncident({ seq: 6, status: 'new' }))).toBe(false);
    expect(state().upsertIncident(makeIncident({ seq: 7, status: 'closed' }))).toBe(false);
    expect(state().incidents['inc-1']?.status).toBe('claimed');
  });

  it('tracks lastSeq as the highest seq applied, across incidents', () => {
    expect(state().lastSeq).toBeNull();
    state().upsertIncident(makeIncident({ id: 'a', seq: 3 }));
    state().upsertIncident(makeIncident({ id: 'b', seq: 9 }));
    state().upsertIncident(makeIncident({ id: 'a', seq: 4 }));
    expect(state().lastSeq).toBe(9);
  });

  it('does not raise lastSeq for an ignored upsert', () => {
    state().upsertIncident(makeIncident({ id: 'a', seq: 10 }));
    state().upsertIncident(makeIncident({ id: 'b', seq: 2 }));
    state().upsertIncident(makeIncident({ id: 'b', seq: 1 }));
    expect(state().lastSeq).toBe(10);
  });
});

describe('incidents slice: HTTP answers', () => {
  it('applies a newer incident from an answer without raising lastSeq', () => {
    state().upsertIncident(makeIncident({ id: 'a', seq: 3 }));
    expect(state().applyAnswer(makeIncident({ id: 'a', seq: 8, status: 'claimed' }))).toBe(true);
    expect(state().incidents['a']?.status).toBe('claimed');
    expect(state().lastSeq).toBe(3);
  });

  it('ignores an answer older than the stored incident', () => {
    state().upsertIncident(makeIncident({ seq: 9, status: 'actioned' }));
    expect(state().applyAnswer(makeIncident({ seq: 8, status: 'claimed' }))).toBe(false);
    expect(state().incidents['inc-1']?.status).toBe('actioned');
  });
});

describe('incidents slice: catch-up buffer', () => {
  it('buffers live events during a catch-up instead of applying them', () => {
    state().beginCatchUp();
    state().receiveLive(makeIncident({ seq: 12 }));
    expect(state().incidents).toEqual({});
    expect(state().lastSeq).toBeNull();
    expect(state().buffer).toHaveLength(1);
  });

  it('applies the answer, then the buffered events in seq order', () => {
    const token = state().beginCatchUp();
    state().receiveLive(makeIncident({ id: 'a', seq: 14, status: 'dispatched' }));
    state().receiveLive(makeIncident({ id: 'a', seq: 13, status: 'claimed' }));
    state().receiveLive(makeIncident({ id: 'b', seq: 15 }));
    const applied = state().finishCatchUp(token, {
      incidents: [makeIncident({ id: 'a', seq: 11, status: 'new' }), makeIncident({ id: 'c', seq: 8 })],
      seq: 12,
    });
    expect(applied).toBe(true);
    expect(state().incidents['a']?.status).toBe('dispatched');
    expect(Object.keys(state().incidents).sort()).toEqual(['a', 'b', 'c']);
    expect(state().lastSeq).toBe(15);
    expect(state().syncing).toBe(false);
    expect(state().buffer).toEqual([]);
  });

  it('keeps the newer snapshot state when a buffered event is older', () => {
    const token = state().beginCatchUp();
    state().receiveLive(makeIncident({ seq: 20, status: 'claimed' }));
    state().finishCatchUp(token, { incidents: [makeIncident({ seq: 21, status: 'actioned' })], seq: 21 });
    expect(state().incidents['inc-1']?.status).toBe('actioned');
  });

  it('takes the answer seq as lastSeq even when no incident changed', () => {
    const token = state().beginCatchUp();
    state().finishCatchUp(token, { incidents: [], seq: 42 });
    expect(state().lastSeq).toBe(42);
  });

  it('applies live events directly once caught up', () => {
    const token = state().beginCatchUp();
    state().finishCatchUp(token, { incidents: [], seq: 1 });
    state().receiveLive(makeIncident({ seq: 2 }));
    expect(state().incidents['inc-1']?.seq).toBe(2);
    expect(state().lastSeq).toBe(2);
  });

  it('ignores the answer of a superseded catch-up', () => {
    const first = state().beginCatchUp();
    const second = state().beginCatchUp();
    expect(state().finishCatchUp(first, { incidents: [makeIncident({ seq: 3 })], seq: 3 })).toBe(false);
    expect(state().syncing).toBe(true);
    expect(state().incidents).toEqual({});
    expect(state().finishCatchUp(second, { incidents: [], seq: 3 })).toBe(true);
  });

  it('reset forgets incidents and invalidates a catch-up in flight', () => {
    state().upsertIncident(makeIncident({ seq: 4 }));
    const token = state().beginCatchUp();
    state().resetIncidents();
    expect(state().finishCatchUp(token, { incidents: [makeIncident({ seq: 5 })], seq: 5 })).toBe(false);
    expect(state().incidents).toEqual({});
    expect(state().lastSeq).toBeNull();
  });
});

describe('incidents slice: retiring finished incidents', () => {
  it('forgets finished incidents but keeps active ones and those on screen', () => {
    state().upsertIncident(makeIncident({ id: 'a', seq: 1, status: 'closed' }));
    state().upsertIncident(makeIncident({ id: 'b', seq: 2, status: 'new' }));
    state().upsertIncident(makeIncident({ id: 'c', seq: 3, status: 'rejected' }));
    expect(state().retireFinished(new Set(['c']))).toBe(1);
    expect(Object.keys(state().incidents).sort()).toEqual(['b', 'c']);
    expect(state().lastSeq).toBe(3);
  });

  it('does not let an older copy bring a retired incident back, from the stream or an answer', () => {
    state().upsertIncident(makeIncident({ id: 'a', seq: 5, status: 'closed' }));
    state().retireFinished(new Set());
    expect(state().upsertIncident(makeIncident({ id: 'a', seq: 4, status: 'claimed' }))).toBe(false);
    expect(state().applyAnswer(makeIncident({ id: 'a', seq: 5, status: 'closed' }))).toBe(false);
    const token = state().beginCatchUp();
    state().finishCatchUp(token, { incidents: [makeIncident({ id: 'a', seq: 3, status: 'new' })], seq: 6 });
    expect(state().incidents['a']).toBeUndefined();
    expect(state().lastSeq).toBe(6);
  });

  it('takes a retired incident back when it really changes again', () => {
    state().upsertIncident(makeIncident({ id: 'a', seq: 5, status: 'closed' }));
    state().retireFinished(new Set());
    expect(state().upsertIncident(makeIncident({ id: 'a', seq: 9, status: 'closed' }))).toBe(true);
  });
});
