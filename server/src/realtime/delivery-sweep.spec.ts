import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Incident } from '@rasd/shared';
import type { Database } from '../db/database';
import { startDeliverySweep } from './delivery-sweep';

afterEach(() => vi.useRealTimers());

/** Just the three statements the sweep runs, over an in-memory change log. */
function fakeDatabase(log: { id: string; seq: number }[]) {
  const query = async (sql: string, params: readonly unknown[] = []) => {
    if (sql.startsWith('SELECT max(seq)')) return [{ seq: log.length ? Math.max(...log.map((c) => c.seq)) : null }];
    if (sql.startsWith('SELECT id, seq FROM incidents')) return log.filter((c) => c.seq > Number(params[0])).sort((a, b) => a.seq - b.seq);
    if (sql.startsWith('SELECT seq, doc FROM incidents WHERE id')) {
      const change = log.find((c) => c.id === params[0]);
      return change ? [{ seq: change.seq, doc: { id: change.id } }] : [];
    }
    throw new Error(`unexpected query ${sql}`);
  };
  return { kind: 'postgres', query } as unknown as Database;
}

describe('delivery sweep', () => {
  it('sends its desks, once, a stored change the fan-out never delivered, and nothing else', async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const log = [{ id: 'before', seq: 1 }];
    const sent: Incident[] = [];
    const sweep = startDeliverySweep({ db: fakeDatabase(log), emitLocal: (i) => sent.push(i), log: pino({ level: 'silent' }) });
    await vi.advanceTimersByTimeAsync(1_000);

    log.push({ id: 'published', seq: 2 }, { id: 'lost', seq: 3 }, { id: 'late', seq: 4 });
    sweep.noteDelivered(2);
    await vi.advanceTimersByTimeAsync(1_500);
    sweep.noteDelivered(4); // arrives live, late but within the grace period
    await vi.advanceTimersByTimeAsync(5_000);

    expect(sent.map((i) => i.id)).toEqual(['lost']);
    expect(sent[0]!.seq).toBe(3);
    sweep.stop();
  });
});
