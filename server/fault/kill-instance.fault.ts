import { describe, expect, it } from 'vitest';
import { Balancer } from './support/balancer';
import { currentSeq, login, officers, type Instance } from './support/cluster';
import { converge, Desk } from './support/desk';
import { deskTotals, metricValue, printFigures } from './support/figures';
import { Producer } from './support/producer';
import { checkStored } from './support/store-check';
import { useCluster } from './support/use-cluster';

let a2: Instance | null = null;
const desks: Desk[] = [];
/** Every incident either test produced: the second test's desks still hold the first's. */
const allProduced = new Set<string>();

describe('an instance killed in the middle of a stream', () => {
  const cluster = useCluster();
  // Dead instances stay listed, as in a balancer's configuration: their connections are refused.
  const balancer = new Balancer(() => [cluster.a.port, cluster.b.port, ...(a2 ? [a2.port] : [])]);
  cluster.onTeardown(() => balancer.close());
  cluster.onTeardown(() => desks.forEach((d) => d.close()));

  it('loses and doubles nothing: every 2xx stored once, every desk ends with all of them once', async () => {
    const { a, b, schema } = cluster;
    const lbUrl = await balancer.listen();
    const cookies = await Promise.all(officers.slice(0, 20).map((u) => login(a.url, u)));
    const baseline = await currentSeq(a.url, cookies[0]!);
    desks.push(...cookies.map((cookie, i) => new Desk(`desk${i + 1}`, lbUrl, cookie, baseline)));
    await Promise.all(desks.map((d) => d.ready()));
    const onA = await metricValue(a.url, 'rasd_connected_clients{role="officer"}');
    const onB = await metricValue(b.url, 'rasd_connected_clients{role="officer"}');

    const producer = new Producer(() => [a.url, b.url], 'kill');
    const total = 1000;
    let killedAfter = 0;
    const started = Date.now();
    await producer.run(total, {
      concurrency: 8,
      onAccepted: (n) => {
        if (n === 400) {
          killedAfter = n;
          a.signal('SIGKILL');
        }
      },
    });
    const streamMs = Date.now() - started;
    expect(await a.exited).toBeNull();

    const expected = producer.expectedIncidents();
    for (const id of expected) allProduced.add(id);
    const convergeMs = await converge(desks, expected);
    const stored = await checkStored(schema, producer, 'kill');
    const gaps = desks.reduce((n, d) => n + d.missing(expected), 0);
    const duplicates = desks.reduce((n, d) => n + d.extras(allProduced), 0);
    const figures = desks.map((d) => d.report());
    const swept = await metricValue(b.url, 'rasd_fanout_swept_total');
    printFigures('SIGKILL one of two instances mid-stream (1,000 detections, 20 desks)', {
      'desks on a / b before': `${onA} / ${onB}`,
      'killed a after 2xx answers': killedAfter,
      'stream took (ms)': streamMs,
      'producer outcomes': producer.outcomeSummary(),
      'detections answered 2xx': producer.accepted.size,
      'PostgreSQL': stored,
      'answers disagreeing on ids': producer.inconsistentAnswers(),
      'desks': deskTotals(figures),
      'changes b sent its desks that a had stored but never published': swept,
      'all desks complete after (ms)': convergeMs,
      'gaps (sum over desks)': gaps,
      'duplicates (sum over desks)': duplicates,
    });

    expect(producer.accepted.size).toBe(total);
    expect(stored).toMatchObject({ storedEvents: total, storedMoreThanOnce: 0, answered2xxButMissing: 0, answerIdMismatch: 0, storedWithout2xx: 0 });
    expect(producer.inconsistentAnswers()).toBe(0);
    expect(expected.size).toBe(total);
    expect(gaps).toBe(0);
    expect(duplicates).toBe(0);
    expect(figures.filter((f) => f.connects > 1).length).toBeGreaterThan(0);
  });

  it('drains on SIGTERM: requests in flight are answered, desks move to the other instance and miss nothing', async () => {
    const { b, schema } = cluster;
    // After the kill above, every desk is on b; a fresh instance takes a's place.
    a2 = await cluster.start('a2');
    const producer = new Producer(() => [b.url, a2!.url], 'term');
    const total = 400;
    let signalledAfter = 0;
    const before = desks.map((d) => d.report());
    await producer.run(total, {
      concurrency: 8,
      onAccepted: (n) => {
        if (n === 150) {
          signalledAfter = n;
          b.signal('SIGTERM');
        }
      },
    });
    const exitCode = await b.exited;

    const expected = producer.expectedIncidents();
    for (const id of expected) allProduced.add(id);
    const convergeMs = await converge(desks, expected);
    const stored = await checkStored(schema, producer, 'term');
    const gaps = desks.reduce((n, d) => n + d.missing(expected), 0);
    const duplicates = desks.reduce((n, d) => n + d.extras(allProduced), 0);
    const after = desks.map((d) => d.report());
    printFigures('SIGTERM (graceful shutdown) of an instance mid-stream (400 detections, 20 desks)', {
      'signalled b after 2xx answers': signalledAfter,
      'b exit code': exitCode,
      'producer outcomes': producer.outcomeSummary(),
      'PostgreSQL': stored,
      'desks that moved': after.filter((f, i) => f.connects > before[i]!.connects).length,
      'of those, state recovered on the other instance': after.filter((f, i) => f.recovered > before[i]!.recovered).length,
      'all desks complete after (ms)': convergeMs,
      'gaps (sum over desks)': gaps,
      'duplicates (sum over desks)': duplicates,
    });

    expect(exitCode).toBe(0);
    for (const outcome of producer.outcomes.keys()) expect(['201', '200', 'network error']).toContain(outcome);
    expect(stored).toMatchObject({ storedEvents: total, storedMoreThanOnce: 0, answered2xxButMissing: 0, storedWithout2xx: 0 });
    expect(gaps).toBe(0);
    expect(duplicates).toBe(0);
  });
});
