import { describe, expect, it } from 'vitest';
import type { AlertKind } from '@rasd/shared';
import { runTriageBenchmark } from './bench';
import { developmentFixtures, fixtures, holdoutBFixtures, holdoutFixtures, type TriageFixture } from './fixtures';
import { triagePost } from './index';
import { classScores, fieldScore, printable, type Score } from './metrics';

const NOW = Date.parse('2026-11-22T18:00:00Z');
const KINDS: readonly AlertKind[] = ['wrong_way', 'reckless', 'racing', 'speeding', 'other'];

function evaluate(set: readonly TriageFixture[]) {
  const runs = set.map((f) => ({ f, r: triagePost({ text: f.text, postedAt: '2026-11-22T17:30:00Z' }, NOW) }));
  const kind = classScores(runs.map(({ f, r }) => ({ truth: f.kind, pred: r.kind })), KINDS);
  const corridor = fieldScore('corridor', runs.map(({ f, r }) => ({ truth: f.corridorId, pred: r.corridorId })));
  const plate = fieldScore('plate', runs.map(({ f, r }) => ({ truth: f.plate, pred: r.plate })));
  return { kind, micro: kind[kind.length - 1]!, corridor, plate, misses: runs.filter(({ f, r }) => f.kind !== r.kind || f.corridorId !== r.corridorId || f.plate !== r.plate) };
}

const sets = {
  development: developmentFixtures,
  'held-out A': holdoutFixtures,
  'held-out B': holdoutBFixtures,
  'held-out A+B': [...holdoutFixtures, ...holdoutBFixtures],
  all: fixtures,
};
const results = Object.fromEntries(Object.entries(sets).map(([name, set]) => [name, evaluate(set)]));

describe('triage over the labelled fixtures', () => {
  it('has enough varied fixtures, with canonical plates and known corridors', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(160);
    for (const kind of [...KINDS, null]) expect(fixtures.filter((f) => f.kind === kind).length).toBeGreaterThanOrEqual(10);
    expect(fixtures.filter((f) => f.corridorId === null).length).toBeGreaterThanOrEqual(30);
    for (const f of fixtures) if (f.plate) expect(f.plate).toMatch(/^[\u0621-\u064A](?: [\u0621-\u064A]){1,2} [١-٩][٠-٩]{0,3}$/);
  });

  it('reports precision and recall per kind, for corridors and for plates', () => {
    for (const [name, r] of Object.entries(results)) {
      console.log(`\n── kind: ${name} (${sets[name as keyof typeof sets].length} posts)`);
      console.table(Object.fromEntries(r.kind.map((s: Score) => [s.label, printable(s)])));
    }
    console.log('\n── corridor and plate');
    console.table(
      Object.fromEntries(
        Object.entries(results).flatMap(([name, r]) => [
          [`${name}: corridor`, printable(r.corridor)],
          [`${name}: plate`, printable(r.plate)],
        ]),
      ),
    );
    const held = results['held-out A+B']!;
    console.log('\n── held-out misses');
    for (const { f, r } of held.misses) console.log(`  want ${f.kind}/${f.corridorId}/${f.plate}  got ${r.kind}/${r.corridorId}/${r.plate}  «${f.text}»`);
  });

  // Floors a few points under what was measured, so a real regression fails them.
  it('keeps kind micro-F1, corridor and plate precision/recall above their floors', () => {
    const all = results.all!;
    expect(all.micro.f1).toBeGreaterThanOrEqual(0.93);
    expect(all.corridor.precision).toBeGreaterThanOrEqual(0.97);
    expect(all.corridor.recall).toBeGreaterThanOrEqual(0.95);
    expect(all.plate.precision).toBeGreaterThanOrEqual(0.97);
    expect(all.plate.recall).toBeGreaterThanOrEqual(0.97);
    const held = results['held-out A+B']!;
    expect(held.micro.f1).toBeGreaterThanOrEqual(0.88);
    expect(held.corridor.precision).toBeGreaterThanOrEqual(0.95);
    expect(held.corridor.recall).toBeGreaterThanOrEqual(0.93);
    for (const kind of ['wrong_way', 'reckless', 'racing', 'speeding'] as const) {
      const s = all.kind.find((k: Score) => k.label === kind)!;
      expect(s.precision, kind).toBeGreaterThanOrEqual(0.85);
      expect(s.recall, kind).toBeGreaterThanOrEqual(0.85);
    }
  });
});

describe('triagePost', () => {
  it('triages the contract example', () => {
    const r = triagePost(
      {
        text: 'عربية ماشية عكس الاتجاه على الدائري عند المعادي دلوقتي',
        postedAt: '2026-11-22T17:55:00Z',
        engagement: { likes: 120, shares: 40, comments: 15, views: 9000 },
      },
      NOW,
    );
    expect(r).toMatchObject({ kind: 'wrong_way', corridorId: 'ring_road', plate: null, severity: 'critical', locationFrom: 'landmark' });
    expect(r.location!.lat).toBeCloseTo(29.98, 1);
    expect(r.location!.lon).toBeCloseTo(31.26, 1);
    expect(r.matchedTerms).toEqual(expect.arrayContaining(['ماشيه عكس الاتجاه', 'الدايري', 'المعادي']));
    expect(r.priority).toBeGreaterThan(0);
    expect(r.priority).toBeLessThanOrEqual(100);
  });

  it('trusts the post’s own location over place names', () => {
    const r = triagePost({ text: 'ماشي عكس على الدائري عند المنيب', postedAt: '2026-11-22T17:55:00Z', location: { lat: 30.1, lon: 31.4 } }, NOW);
    expect(r.location).toEqual({ lat: 30.1, lon: 31.4 });
    expect(r.locationFrom).toBe('post');
    expect(r.corridorId).toBe('ring_road');
  });

  it('returns nulls for a post with nothing to extract', () => {
    expect(triagePost({ text: '🙂', postedAt: '2026-11-22T17:55:00Z' }, NOW)).toMatchObject({
      kind: null, corridorId: null, location: null, locationFrom: null, plate: null, severity: 'low', matchedTerms: [],
    });
  });

  it('exports a benchmark batch (timed by the benchmark, never by a test)', () => {
    expect(runTriageBenchmark(2)).toEqual({ posts: 16, withKind: expect.any(Number) });
  });
});
