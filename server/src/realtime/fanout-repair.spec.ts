import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Incident, IncidentList, IncidentListQuery } from '@rasd/shared';
import type { IncidentQueryService } from '../services/incident-query.service';
import { startFanoutRepair } from './fanout-repair';
import type { Fanout } from './redis-fanout';

afterEach(() => vi.useRealTimers());

function fakes() {
  let seq = 0;
  const changes: Incident[] = [];
  const incidents = {
    list: async ({ since = 0, limit = 5000 }: IncidentListQuery): Promise<IncidentList> => {
      const after = changes.filter((i) => i.seq > since).slice(0, limit);
      return { incidents: after, seq: after.length === limit ? after.at(-1)!.seq : seq };
    },
    get: async () => {
      throw new Error('unused');
    },
  } as unknown as IncidentQueryService;
  const change = () => {
    seq += 1;
    changes.push({ id: `i${seq}`, seq } as Incident);
  };
  let recovered: (lostAt: number) => void = () => undefined;
  const fanout = { onRecovered: (l: (lostAt: number) => void) => ((recovered = l), () => undefined) } as unknown as Fanout;
  return { incidents, change, fanout, recover: (lostAt: number) => recovered(lostAt) };
}

describe('fan-out repair after a Redis outage', () => {
  it('re-sends to local dashboards every change from a mark taken well before the outage', async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const { incidents, change, fanout, recover } = fakes();
    const sent: number[] = [];
    let repaired = -1;
    const stop = startFanoutRepair({ fanout, incidents, emitLocal: (i) => sent.push(i.seq), log: pino({ level: 'silent' }), onRepaired: (n) => (repaired = n) });
    for (let second = 0; second < 20; second++) {
      change();
      await vi.advanceTimersByTimeAsync(1_000);
    }
    // Lost at t+20 s: marks were taken at 0, 5, 10, 15 s; the newest at least 5 s older is at 15 s (seq 15).
    recover(Date.now());
    await vi.advanceTimersByTimeAsync(10);
    expect(sent).toEqual([16, 17, 18, 19, 20]);
    expect(repaired).toBe(5);
    stop();
  });

  it('pages through a long backlog', async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const { incidents, change, fanout, recover } = fakes();
    const sent: number[] = [];
    const stop = startFanoutRepair({ fanout, incidents, emitLocal: (i) => sent.push(i.seq), log: pino({ level: 'silent' }) });
    await vi.advanceTimersByTimeAsync(6_000);
    for (let i = 0; i < 12_000; i++) change();
    recover(Date.now());
    await vi.advanceTimersByTimeAsync(10);
    expect(sent).toHaveLength(12_000);
    expect(new Set(sent).size).toBe(12_000);
    stop();
  });
});
