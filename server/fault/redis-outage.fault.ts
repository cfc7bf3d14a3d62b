import { describe, expect, it } from 'vitest';
import { currentSeq, login, officers } from './support/cluster';
import { converge, Desk } from './support/desk';
import { deskTotals, metricValue, printFigures } from './support/figures';
import { Producer } from './support/producer';
import { startRedis, stopRedis } from './support/services';
import { checkStored } from './support/store-check';
import { useCluster } from './support/use-cluster';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const total = 560;

describe('Redis stopped for 10 s under load', () => {
  const cluster = useCluster();

  it('keeps storing, and the desks on the other instance get everything once Redis is back', async () => {
    const { a, b, schema } = cluster;
    const cookies = await Promise.all(officers.slice(0, 10).map((u) => login(a.url, u)));
    const baseline = await currentSeq(a.url, cookies[0]!);
    const onA = cookies.slice(0, 5).map((cookie, i) => new Desk(`a-desk${i + 1}`, a.url, cookie, baseline));
    const onB = cookies.slice(5).map((cookie, i) => new Desk(`b-desk${i + 1}`, b.url, cookie, baseline));
    const desks = [...onA, ...onB];
    cluster.onTeardown(() => desks.forEach((d) => d.close()));
    await Promise.all(desks.map((d) => d.ready()));

    // Every detection enters through instance a: desks on b see it only through the fan-out.
    const producer = new Producer(() => [a.url], 'redis');
    const load = producer.run(total, { concurrency: 6, perSecond: 40 });
    await sleep(2_000);
    const stoppedAt = Date.now();
    let startedAt = 0;
    let readyzWhileDown = [0, 0];
    let seenOnBDuringOutage = 0;
    let seenOnADuringOutage = 0;
    let storedSoFar = 0;
    try {
      await stopRedis();
      await sleep(9_000);
      readyzWhileDown = await Promise.all([a, b].map((i) => fetch(`${i.url}/readyz`).then((r) => r.status)));
      const duringSoFar = producer.acceptedBetween(stoppedAt, Date.now());
      const seenBy = (desks: Desk[]) => Math.min(...desks.map((d) => [...duringSoFar].filter((id) => d.seqOf.has(id)).length));
      storedSoFar = duringSoFar.size;
      seenOnADuringOutage = seenBy(onA);
      seenOnBDuringOutage = seenBy(onB);
      await sleep(1_000);
    } finally {
      startedAt = Date.now();
      await startRedis();
    }
    const storedDuringOutage = producer.acceptedBetween(stoppedAt, startedAt);
    const outageCaughtUpMs = await converge(onB, storedDuringOutage);
    await load;

    const expected = producer.expectedIncidents();
    const convergeMs = await converge(desks, expected);
    const stored = await checkStored(schema, producer, 'redis');
    const gaps = desks.reduce((n, d) => n + d.missing(expected), 0);
    const duplicates = desks.reduce((n, d) => n + d.extras(expected), 0);
    const repairs = await Promise.all([a, b].map((i) => metricValue(i.url, 'rasd_fanout_repairs_total')));
    printFigures(`Redis stopped (shutdown nosave) for 10 s under load (${total} detections at 40/s into instance a; 5 desks on a, 5 on b)`, {
      'producer outcomes': producer.outcomeSummary(),
      'Redis down (ms)': startedAt - stoppedAt,
      'stored (2xx) while Redis was down': storedDuringOutage.size,
      'stored in the first 9 s of it / seen live meanwhile by every desk on a / on b': `${storedSoFar} / ${seenOnADuringOutage} / ${seenOnBDuringOutage}`,
      '/readyz a, b while down': readyzWhileDown.join(', '),
      'b desks had all of them, ms after Redis started': outageCaughtUpMs,
      'fan-out repairs (a, b)': repairs.join(', '),
      'changes swept to desks while the fan-out was down (a, b)': (await Promise.all([a, b].map((i) => metricValue(i.url, 'rasd_fanout_swept_total')))).join(', '),
      'PostgreSQL': stored,
      'desks on a': deskTotals(onA.map((d) => d.report())),
      'desks on b': deskTotals(onB.map((d) => d.report())),
      'all desks complete after the stream (ms)': convergeMs,
      'gaps (sum over desks)': gaps,
      'duplicates (sum over desks)': duplicates,
    });

    expect(storedDuringOutage.size).toBeGreaterThan(100);
    // The storing instance's own desks stay live while Redis is away.
    expect(seenOnADuringOutage).toBeGreaterThanOrEqual(storedSoFar * 0.9);
    expect(readyzWhileDown).toEqual([503, 503]);
    expect(stored).toMatchObject({ storedEvents: total, storedMoreThanOnce: 0, answered2xxButMissing: 0, storedWithout2xx: 0 });
    expect(gaps).toBe(0);
    expect(duplicates).toBe(0);
  });
});
