import { describe, expect, it } from 'vitest';
import { Balancer } from './support/balancer';
import { currentSeq, login, officers } from './support/cluster';
import { converge, Desk } from './support/desk';
import { printFigures } from './support/figures';
import { Producer } from './support/producer';
import { RemoteDesk } from './support/remote-desk';
import { useCluster } from './support/use-cluster';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/**
 * The full 30 s, not shortened: it is longer than socket.io's ping interval (25 s) and may or may
 * not cross its ping timeout (25 s + 20 s from the last ping), so depending on timing a cut link
 * either survives or is closed by the server; the desk must end complete on either path.
 */
const awayMs = 30_000;
const perSecond = 20;

describe('a desk away for 30 s', () => {
  const cluster = useCluster();

  it('catches up fully after a network cut, a frozen process, or a dropped and refused connection', async () => {
    const { a, b } = cluster;
    const cookies = await Promise.all(officers.slice(0, 4).map((u) => login(a.url, u)));
    const baseline = await currentSeq(a.url, cookies[0]!);
    // Each cut desk has its own balancer, so the test can cut its link alone.
    const linkCut = new Balancer(() => [a.port]);
    const linkDropped = new Balancer(() => [b.port]);
    cluster.onTeardown(() => linkCut.close());
    cluster.onTeardown(() => linkDropped.close());
    const cutDesk = new Desk('network-cut', await linkCut.listen(), cookies[0]!, baseline);
    const droppedDesk = new Desk('dropped-and-refused', await linkDropped.listen(), cookies[1]!, baseline);
    const frozenDesk = new RemoteDesk('frozen-process', b.url, cookies[2]!, baseline);
    const steadyDesk = new Desk('steady', a.url, cookies[3]!, baseline);
    cluster.onTeardown(() => [cutDesk, droppedDesk, frozenDesk, steadyDesk].forEach((d) => d.close()));
    await Promise.all([cutDesk.ready(), droppedDesk.ready(), frozenDesk.ready(), steadyDesk.ready()]);
    const frozenBefore = (await frozenDesk.report()).report;

    const producer = new Producer(() => [a.url, b.url], 'away');
    const load = producer.run(700, { concurrency: 4, perSecond });
    await sleep(2_000);
    const awayAt = Date.now();
    linkCut.blackhole();
    linkDropped.refuse();
    frozenDesk.freeze();
    const before = { cut: cutDesk.report(), dropped: droppedDesk.report() };
    try {
      await sleep(awayMs);
    } finally {
      linkCut.open();
      linkDropped.open();
      frozenDesk.thaw();
    }
    const backAt = Date.now();
    const missedWhileAway = producer.acceptedBetween(awayAt, backAt);
    const caughtUpMs = await converge([cutDesk, droppedDesk, frozenDesk], missedWhileAway, 60_000);
    await load;

    const expected = producer.expectedIncidents();
    const convergeMs = await converge([cutDesk, droppedDesk, frozenDesk, steadyDesk], expected, 30_000);
    const frozen = await frozenDesk.report();
    const frozenIds = new Set(frozen.ids);
    const after = { cut: cutDesk.report(), dropped: droppedDesk.report(), frozen: frozen.report };
    const howBack = (b: { connects: number; recovered: number }, a: { connects: number; recovered: number }) =>
      a.connects === b.connects ? 'same connection (held data delivered)' : a.recovered > b.recovered ? 'reconnected, state recovered + catch-up' : 'reconnected, catch-up with since';
    const desks = {
      'network-cut': { gaps: cutDesk.missing(expected), duplicates: cutDesk.extras(expected), came_back_by: howBack(before.cut, after.cut), ...after.cut },
      'dropped-and-refused': { gaps: droppedDesk.missing(expected), duplicates: droppedDesk.extras(expected), came_back_by: howBack(before.dropped, after.dropped), ...after.dropped },
      'frozen-process': {
        gaps: [...expected].filter((id) => !frozenIds.has(id)).length,
        duplicates: frozen.ids.filter((id) => !expected.has(id)).length,
        came_back_by: howBack(frozenBefore, after.frozen),
        ...after.frozen,
      },
      steady: { gaps: steadyDesk.missing(expected), duplicates: steadyDesk.extras(expected) },
    };
    printFigures(`desks away for ${awayMs / 1000} s under load (700 detections at 20/s over two instances)`, {
      'producer outcomes': producer.outcomeSummary(),
      'stored while the desks were away': missedWhileAway.size,
      'away desks had all of those, ms after coming back': caughtUpMs,
      'all desks complete after the stream (ms)': convergeMs,
      ...desks,
    });

    // Enough happened while away to matter (a loaded machine may not keep the full rate).
    expect(missedWhileAway.size).toBeGreaterThan(((awayMs / 1000) * perSecond) / 2);
    for (const [name, figures] of Object.entries(desks)) expect({ name, gaps: figures.gaps, duplicates: figures.duplicates }).toEqual({ name, gaps: 0, duplicates: 0 });
  });
});
