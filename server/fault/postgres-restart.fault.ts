import { describe, expect, it } from 'vitest';
import { currentSeq, login, officers, type Instance } from './support/cluster';
import { converge, Desk } from './support/desk';
import { deskTotals, printFigures } from './support/figures';
import { Producer } from './support/producer';
import { startPostgres, stopPostgres } from './support/services';
import { checkStored } from './support/store-check';
import { useCluster } from './support/use-cluster';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const total = 450;

/** Polls /readyz of both instances and keeps the transitions, to show what a balancer would see. */
function watchReadiness(instances: Instance[]) {
  const seen: { at: number; name: string; status: number }[] = [];
  let stopped = false;
  const loop = (async () => {
    const last = new Map<string, number>();
    while (!stopped) {
      for (const i of instances) {
        const status = await fetch(`${i.url}/readyz`, { signal: AbortSignal.timeout(2_000) }).then((r) => r.status, () => 0);
        if (last.get(i.name) !== status) seen.push({ at: Date.now(), name: i.name, status });
        last.set(i.name, status);
      }
      await sleep(100);
    }
  })();
  return {
    seen,
    stop: async () => {
      stopped = true;
      await loop;
    },
  };
}

describe('PostgreSQL restarted under load', () => {
  const cluster = useCluster();

  it('answers 503 + Retry-After while it is down, never 2xx without a commit, and recovers by itself', async () => {
    const { a, b, schema } = cluster;
    const cookies = await Promise.all(officers.slice(0, 6).map((u) => login(a.url, u)));
    const baseline = await currentSeq(a.url, cookies[0]!);
    const desks = cookies.map((cookie, i) => new Desk(`desk${i + 1}`, (i % 2 ? b : a).url, cookie, baseline));
    cluster.onTeardown(() => desks.forEach((d) => d.close()));
    await Promise.all(desks.map((d) => d.ready()));

    const readiness = watchReadiness([a, b]);
    const producer = new Producer(() => [a.url, b.url], 'pg');
    const load = producer.run(total, { concurrency: 8, perSecond: 50 });
    await sleep(2_000);
    const stoppedAt = Date.now();
    await stopPostgres();
    let startedAt = 0;
    try {
      await sleep(4_000);
    } finally {
      // Also on failure: the cluster's teardown would too, but the load is waiting for it.
      startedAt = Date.now();
      await startPostgres();
    }
    await load;
    await readiness.stop();

    const expected = producer.expectedIncidents();
    const convergeMs = await converge(desks, expected);
    const stored = await checkStored(schema, producer, 'pg');
    const gaps = desks.reduce((n, d) => n + d.missing(expected), 0);
    const duplicates = desks.reduce((n, d) => n + d.extras(expected), 0);
    const readyAgain = (name: string) => readiness.seen.find((s) => s.name === name && s.status === 200 && s.at > stoppedAt)?.at;
    const down = readiness.seen.filter((s) => s.status === 503 && s.at >= stoppedAt).map((s) => s.name);
    printFigures(`PostgreSQL stopped for 4 s and started again under load (${total} detections at 50/s, 2 instances, 6 desks)`, {
      'producer outcomes': producer.outcomeSummary(),
      'detections answered 2xx': producer.accepted.size,
      'PostgreSQL': stored,
      '/readyz went 503 on': [...new Set(down)].join(', '),
      'PostgreSQL down (ms)': startedAt - stoppedAt,
      '/readyz 200 again, ms after the start command': `a ${(readyAgain('a') ?? NaN) - startedAt}, b ${(readyAgain('b') ?? NaN) - startedAt}`,
      'instances restarted': 0,
      'desks': deskTotals(desks.map((d) => d.report())),
      'all desks complete after (ms)': convergeMs,
      'gaps (sum over desks)': gaps,
      'duplicates (sum over desks)': duplicates,
    });

    // Down: 503 with Retry-After, nothing else; never a 500 or an answer without Retry-After.
    expect(producer.outcomes.get('503') ?? 0).toBeGreaterThan(0);
    for (const outcome of producer.outcomes.keys()) expect(['201', '200', '503']).toContain(outcome);
    expect(stored).toMatchObject({ storedEvents: total, storedMoreThanOnce: 0, answered2xxButMissing: 0, answerIdMismatch: 0, storedWithout2xx: 0 });
    expect(new Set(down)).toEqual(new Set(['a', 'b']));
    expect(readyAgain('a')).toBeDefined();
    expect(readyAgain('b')).toBeDefined();
    expect([a.pid, b.pid].every((pid) => process.kill(pid, 0))).toBe(true);
    expect(gaps).toBe(0);
    expect(duplicates).toBe(0);
  });
});
