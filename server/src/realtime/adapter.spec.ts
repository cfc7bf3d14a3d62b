import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionAwareAdapter, type Adapter } from 'socket.io-adapter';
import { keepPacketsAsText, pruneOften } from './adapter';

afterEach(() => {
  vi.useRealTimers();
});

/** The parts of socket.io's SessionAwareAdapter that pruning reads. */
function fakeAdapter(windowMs: number) {
  let closed = 0;
  const adapter = {
    packets: [] as { id: string; emittedAt: number }[],
    maxDisconnectionDuration: windowMs,
    close: () => void closed++,
  };
  return { adapter, closed: () => closed };
}

describe('pruneOften', () => {
  it('drops the packets older than the recovery window every few seconds, and keeps the others', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const { adapter, closed } = fakeAdapter(30_000);
    pruneOften(adapter as unknown as Adapter, 2_000);
    adapter.packets.push({ id: 'a', emittedAt: Date.now() });
    vi.advanceTimersByTime(20_000);
    adapter.packets.push({ id: 'b', emittedAt: Date.now() });
    vi.advanceTimersByTime(12_000);
    // 'a' is 32 s old, 'b' 12 s: within two seconds of expiring, 'a' is gone (socket.io alone: up to a minute).
    expect(adapter.packets.map((p) => p.id)).toEqual(['b']);
    vi.advanceTimersByTime(20_000);
    expect(adapter.packets).toEqual([]);
    (adapter as unknown as Adapter).close();
    expect(closed()).toBe(1);
    // Closed: the timer is gone too.
    expect(vi.getTimerCount()).toBe(0);
  });

  it('leaves an adapter that keeps no packets alone', () => {
    const other = { close: () => undefined } as unknown as Adapter;
    expect(pruneOften(other)).toBe(other);
  });
});

describe('keepPacketsAsText', () => {
  /** socket.io's in-memory adapter on a namespace with no sockets: it keeps what it broadcasts all the same. */
  function memoryAdapter() {
    const nsp = {
      name: '/',
      sockets: new Map(),
      server: { opts: { connectionStateRecovery: { maxDisconnectionDuration: 30_000 } }, encoder: { encode: (p: unknown) => [JSON.stringify(p)] } },
    };
    return new SessionAwareAdapter(nsp as never);
  }
  const broadcastTo = (adapter: Adapter, data: unknown[]) => adapter.broadcast({ type: 2, nsp: '/', data } as never, { rooms: new Set(['desk']), except: new Set() });

  it('keeps each broadcast as one string, and a restored session gets the events back as they were sent', async () => {
    const adapter = keepPacketsAsText(memoryAdapter());
    const kept = (adapter as unknown as { packets: { id: string; data: unknown }[] }).packets;
    broadcastTo(adapter, ['live:batch', { incidents: [{ id: 'a', seq: 1, track: [{ lat: 30, lon: 31 }] }], alerts: [] }]);
    const offset = kept[0]!.id;
    broadcastTo(adapter, ['incident:upsert', { id: 'b', seq: 2, note: 'عربي "quoted"' }]);
    broadcastTo(adapter, ['presence:update', { incidentId: 'b', watchers: ['x'] }]);
    expect(kept.map((p) => typeof p.data)).toEqual(['string', 'string', 'string']);

    adapter.persistSession({ pid: 'p1', sid: 's1', rooms: ['desk'], data: {} } as never);
    const session = await adapter.restoreSession('p1', offset);
    expect(session?.missedPackets).toEqual([
      ['incident:upsert', { id: 'b', seq: 2, note: 'عربي "quoted"' }, kept[1]!.id],
      ['presence:update', { incidentId: 'b', watchers: ['x'] }, kept[2]!.id],
    ]);
    expect(await adapter.restoreSession('unknown', offset)).toBeNull();
    adapter.close();
  });

  it('leaves an adapter that keeps no packets alone', () => {
    const other = { close: () => undefined } as unknown as Adapter;
    expect(keepPacketsAsText(other)).toBe(other);
  });
});
