import { describe, expect, it } from 'vitest';
import { login, officers } from './support/cluster';
import { printFigures } from './support/figures';
import { Producer } from './support/producer';
import { useCluster } from './support/use-cluster';

const rounds = 200;
const claimants = 50;

describe('concurrent claims over two instances', () => {
  const cluster = useCluster();

  it(`let exactly one of ${claimants} simultaneous claims win, ${rounds} times over`, async () => {
    const { a, b, schema } = cluster;
    const cookies = await Promise.all(officers.slice(0, claimants).map((u, i) => login((i % 2 ? b : a).url, u)));
    const producer = new Producer(() => [a.url, b.url], 'claims');
    const statuses = new Map<string, number>();
    const winnersPerRound: number[] = [];
    await producer.run(rounds, { concurrency: 8 });
    const incidentIds = [...producer.expectedIncidents()];
    const started = Date.now();
    for (const incidentId of incidentIds) {
      // Fired together, half through each instance, each by a different officer.
      const answers = await Promise.all(
        cookies.map((cookie, i) =>
          fetch(`${(i % 2 ? b : a).url}/api/v1/incidents/${incidentId}/claim`, { method: 'POST', headers: { cookie, origin: (i % 2 ? b : a).url } }).then(async (r) => ({
            status: r.status,
            body: (await r.json()) as { claimedBy?: { username: string }; error?: { code: string } },
          })),
        ),
      );
      let winners = 0;
      for (const { status, body } of answers) {
        const key = status === 200 ? '200' : `${status} ${body.error?.code ?? ''}`;
        statuses.set(key, (statuses.get(key) ?? 0) + 1);
        if (status === 200) winners += 1;
      }
      winnersPerRound.push(winners);
    }
    const elapsedMs = Date.now() - started;
    const claimedEvents = await schema.query<{ incident_id: string; n: number }>(
      `SELECT incident_id, count(*)::int AS n FROM incident_history WHERE type = 'claimed' GROUP BY incident_id`,
    );
    const holders = await schema.query<{ n: number }>(`SELECT count(*)::int AS n FROM incidents WHERE doc->'claimedBy' <> 'null'::jsonb`);
    const histogram = winnersPerRound.reduce<Record<string, number>>((h, w) => ({ ...h, [`${w} winner(s)`]: (h[`${w} winner(s)`] ?? 0) + 1 }), {});
    printFigures(`${claimants} simultaneous claims over two instances, ${rounds} rounds`, {
      'rounds': rounds,
      'rounds by number of winners': histogram,
      'answers': Object.fromEntries([...statuses.entries()].sort()),
      "incidents with one 'claimed' history entry": claimedEvents.filter((r) => r.n === 1).length,
      "incidents with more than one": claimedEvents.filter((r) => r.n > 1).length,
      'incidents held': holders[0]?.n,
      'claim rounds took (ms)': elapsedMs,
    });

    expect(incidentIds).toHaveLength(rounds);
    expect(histogram).toEqual({ '1 winner(s)': rounds });
    expect(Object.keys(Object.fromEntries(statuses)).sort()).toEqual(['200', '409 already_claimed']);
    expect(claimedEvents.filter((r) => r.n === 1)).toHaveLength(rounds);
    expect(claimedEvents.filter((r) => r.n > 1)).toHaveLength(0);
  });
});
