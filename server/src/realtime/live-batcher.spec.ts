import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Incident, LiveBatch } from '@rasd/shared';
import { createLiveBatcher, type SingleEvent } from './live-batcher';

const incident = (id: string, seq: number) => ({ id, seq }) as Incident;
const alert = (incidentId: string, seq: number) => ({ incidentId, alert: { id: `a${seq}`, seq, incidentId } }) as never;

function setup(frameMs: number) {
  const flushes: { batch: LiveBatch; singles: readonly SingleEvent[]; at: number }[] = [];
  const live = createLiveBatcher({ frameMs, now: () => Date.now(), emit: (batch, singles) => flushes.push({ batch, singles, at: Date.now() }) });
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

  it('goes out at once after a quiet spell, and at most once per frame under load', async () => {
    const { flushes, live } = setup(10);
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
});
