import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Adapter } from 'socket.io-adapter';
import { pruneOften } from './adapter';

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
