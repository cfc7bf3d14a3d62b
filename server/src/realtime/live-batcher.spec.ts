import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Incident, LiveBatch } from '@rasd/shared';
import { createLiveBatcher, frameIntervalMs, type SingleEvent } from './live-batcher';

const incident = (id: string, seq: number) => ({ id, seq }) as Incident;
const alert = (incidentId: string, seq: number) => ({ incidentId, alert: { id: `a${seq}`, seq, incidentId } }) as never;

function setup(frameMs: number, burst?: number) {
  const flushes: { batch: LiveBatch; singles: readonly SingleEvent[]; at: number }[] = [];
  const live = createLiveBatcher({ frameMs, burst, now: () => Date.now(), emit: (batch, singles) => flushes.push({ batch, singles, at: Date.now() }) });
  return { flushes, live };
}

describe('live batcher', () => {
  beforeEach(() => void vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => void vi.useRealTimers());

  it('sends what was published in one turn as one frame, in the same order as single events', async () => {
    const { flushes, live } = setup(10);
    live.incident(incident('x', 1));
    live.alert(alert('x', 1));
    live.incident(incident('y', 2));
    expect(flushes).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(flushes).toHaveLength(1);
    expect(flushes[0]!.batch.incidents.map((i) => i.id)).toEqual(['x', 'y']);
    expect(flushes[0]!.batch.alerts).toHaveLength(1);
    expect(flushes[0]!.singles.map(([event]) => event)).toEqual(['incident:upsert', 'alert:new', 'incident:upsert']);
  });

  it('carries an alert by reference in a batch, and whole in its single event', async () => {
    const { flushes, live } = setup(10);
    const camera = { incidentId: 'x', alert: { id: 'a1', seq: 4, incidentId: 'x', source: 'camera', receivedAt: 'T', eventId: 'cam-7:42', cameraId: 'cam-7', kind: 'wrong_way' } } as never;
    const social = { incidentId: 'y', alert: { id: 'a2', seq: 5, incidentId: 'y', source: 'social', receivedAt: 'U', postUrl: 'https://x.example/1' } } as never;
    live.alert(camera);
    live.alert(social);
    await vi.advanceTimersByTimeAsync(0);
    expect(flushes[0]!.batch.alerts).toEqual([
      { incidentId: 'x', alert: { id: 'a1', seq: 4, source: 'camera', receivedAt: 'T', eventId: 'cam-7:42' } },
      { incidentId: 'y', alert: { id: 'a2', seq: 5, source: 'social', receivedAt: 'U' } },
    ]);
    expect(flushes[0]!.singles).toEqual([['alert:new', camera], ['alert:new', social]]);
  });

  it('goes out at once after a quiet spell, and at most once per frame under load', async () => {
    const { flushes, live } = setup(10, 1);
    live.incident(incident('a', 1));
    await vi.advanceTimersByTimeAsync(0);
    live.incident(incident('b', 2));
    await vi.advanceTimersByTimeAsync(3);
    live.incident(incident('c', 3));
    expect(flushes).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(7);
    expect(flushes.map((f) => f.batch.incidents.map((i) => i.id))).toEqual([['a'], ['b', 'c']]);
    expect(flushes[1]!.at - flushes[0]!.at).toBeGreaterThanOrEqual(10);
    await vi.advanceTimersByTimeAsync(50);
    live.incident(incident('d', 4));
    await vi.advanceTimersByTimeAsync(0);
    expect(flushes).toHaveLength(3);
  });

  it('sends a stream at the frame rate as it comes, without holding each change for the rest of an interval', async () => {
    const { flushes, live } = setup(10);
    const sentAt: number[] = [];
    for (let n = 1; n <= 20; n++) {
      // Jittered arrivals, ten a frame interval on average: 7 ms, 13 ms, 7 ms, …
      await vi.advanceTimersByTimeAsync(n % 2 ? 7 : 13);
      sentAt.push(Date.now());
      live.incident(incident(`s${n}`, n));
    }
    await vi.advanceTimersByTimeAsync(0);
    expect(flushes.map((f) => f.at)).toEqual(sentAt);
  });

  it('keeps the frames per second bounded under load, after a burst of at most `burst`', async () => {
    const { flushes, live } = setup(10, 3);
    for (let n = 1; n <= 200; n++) {
      live.incident(incident(`l${n}`, n));
      await vi.advanceTimersByTimeAsync(1);
    }
    await vi.advanceTimersByTimeAsync(20);
    // 200 ms of a change every millisecond: 3 at once, then one per 10 ms.
    expect(flushes.length).toBeLessThanOrEqual(3 + 200 / 10 + 1);
    expect(flushes.length).toBeGreaterThanOrEqual(200 / 10);
    const gaps = flushes.slice(4).map((f, i) => f.at - flushes[i + 3]!.at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(9);
    expect(flushes.flatMap((f) => f.batch.incidents.map((i) => i.seq))).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
  });

  it('carries each incident once, at its latest version, in seq order; single events keep every version', async () => {
    const { flushes, live } = setup(10);
    live.incident(incident('x', 5));
    live.incident(incident('y', 3));
    live.incident(incident('x', 7));
    live.incident(incident('x', 6));
    await vi.advanceTimersByTimeAsync(0);
    expect(flushes[0]!.batch.incidents.map((i) => [i.id, i.seq])).toEqual([['y', 3], ['x', 7]]);
    expect(flushes[0]!.singles).toHaveLength(4);
  });

  it('flushes at once when asked (shutdown) and sends nothing when nothing waits', async () => {
    const { flushes, live } = setup(1000);
    live.incident(incident('a', 1));
    await vi.advanceTimersByTimeAsync(0);
    live.incident(incident('b', 2));
    live.flushNow();
    live.flushNow();
    expect(flushes.map((f) => f.batch.incidents.map((i) => i.id))).toEqual([['a'], ['b']]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(flushes).toHaveLength(2);
  });

  it('reads the frame interval as it goes: a longer one spaces the frames further', async () => {
    let frameMs = 10;
    const flushes: number[] = [];
    const live = createLiveBatcher({ frameMs: () => frameMs, burst: 1, now: () => Date.now(), emit: () => flushes.push(Date.now()) });
    for (let n = 1; n <= 100; n++) {
      if (n === 51) frameMs = 40;
      live.incident(incident(`v${n}`, n));
      await vi.advanceTimersByTimeAsync(2);
    }
    await vi.advanceTimersByTimeAsync(100);
    const gaps = flushes.slice(1).map((at, i) => at - flushes[i]!);
    expect(Math.min(...gaps.slice(1, 8))).toBeGreaterThanOrEqual(10);
    expect(Math.max(...gaps.slice(1, 8))).toBeLessThan(20);
    expect(Math.min(...gaps.slice(-3))).toBeGreaterThanOrEqual(40);
  });
});

describe('frame interval', () => {
  it('is the minimum with few desks, and grows with them to keep the frames a second in all under the budget', () => {
    expect(frameIntervalMs(0, 10, 25_000)).toBe(10);
    expect(frameIntervalMs(100, 10, 25_000)).toBe(10);
    expect(frameIntervalMs(1_000, 10, 25_000)).toBe(40);
    expect(frameIntervalMs(5, 0, 100)).toBe(50);
  });
});
