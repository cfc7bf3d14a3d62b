import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { appStateCreator, type AppState } from '../store';
import { fakeSocket } from '../test/fake-socket';
import { makeIncident } from '../test/fixtures';
import { bindLive, liveApplyMs } from './live';

afterEach(() => void vi.useRealTimers());

function setup() {
  const store = createStore<AppState>()(appStateCreator('ar'));
  store.setState({ lastSeq: 0 });
  const frames: (() => void)[] = [];
  const { socket, emit, handlers } = fakeSocket();
  const unbind = bindLive(socket as never, store, (flush) => frames.push(flush));
  const updates = vi.fn();
  store.subscribe(updates);
  return { store, emit, handlers, unbind, updates, paint: () => frames.splice(0).forEach((f) => f()), frames };
}

describe('bindLive', () => {
  it('applies everything that arrived before the next paint in one store update', () => {
    const { store, emit, updates, paint, frames } = setup();
    emit('incident:upsert', makeIncident({ id: 'a', seq: 1 }));
    emit('alert:new', { incidentId: 'a', alert: {} });
    emit('live:batch', { incidents: [makeIncident({ id: 'b', seq: 2 }), makeIncident({ id: 'a', seq: 3, status: 'claimed' })], alerts: [{ incidentId: 'b', alert: {} }] });
    expect(frames).toHaveLength(1);
    expect(store.getState().incidents).toEqual({});
    paint();
    expect(Object.keys(store.getState().incidents).sort()).toEqual(['a', 'b']);
    expect(store.getState().incidents['a']!.status).toBe('claimed');
    expect(store.getState().lastSeq).toBe(3);
    expect(store.getState().flash?.incidentId).toBe('b');
    // One update for the incidents, one for the alert flash.
    expect(updates).toHaveBeenCalledTimes(2);
  });

  it('under a stream, applies at most once per interval, the first change after a quiet spell at once', () => {
    vi.useFakeTimers();
    const { store, emit, paint, frames } = setup();
    emit('incident:upsert', makeIncident({ id: 'a', seq: 1 }));
    paint();
    emit('incident:upsert', makeIncident({ id: 'b', seq: 2 }));
    emit('incident:upsert', makeIncident({ id: 'c', seq: 3 }));
    expect(frames).toHaveLength(0);
    vi.advanceTimersByTime(liveApplyMs - 1);
    expect(frames).toHaveLength(0);
    vi.advanceTimersByTime(1);
    paint();
    expect(Object.keys(store.getState().incidents).sort()).toEqual(['a', 'b', 'c']);
    vi.advanceTimersByTime(liveApplyMs);
    emit('incident:upsert', makeIncident({ id: 'd', seq: 4 }));
    expect(frames).toHaveLength(1);
  });

  it('drops malformed payloads and keeps the valid entries of a batch', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { store, emit, paint } = setup();
    emit('incident:upsert', { not: 'an incident' });
    emit('live:batch', 'nonsense');
    emit('live:batch', { incidents: [{ id: 1 }, makeIncident({ id: 'ok', seq: 4 })], alerts: [{ nope: true }] });
    paint();
    expect(Object.keys(store.getState().incidents)).toEqual(['ok']);
    expect(store.getState().flash).toBeFalsy();
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });

  it('buffers behind a catch-up in flight, like single events', () => {
    const { store, emit, paint } = setup();
    const token = store.getState().beginCatchUp();
    emit('live:batch', { incidents: [makeIncident({ id: 'live', seq: 9 })], alerts: [] });
    paint();
    expect(store.getState().incidents['live']).toBeUndefined();
    store.getState().finishCatchUp(token, { incidents: [makeIncident({ id: 'old', seq: 5 })], seq: 8 });
    expect(Object.keys(store.getState().incidents).sort()).toEqual(['live', 'old']);
    expect(store.getState().lastSeq).toBe(9);
  });

  it('stops listening and applies nothing more once unbound', () => {
    const { store, emit, handlers, unbind, paint } = setup();
    emit('incident:upsert', makeIncident({ id: 'late', seq: 1 }));
    unbind();
    paint();
    expect(handlers.size).toBe(0);
    expect(store.getState().incidents).toEqual({});
  });
});
