import { describe, expect, it } from 'vitest';
import { freshnessOf, HALF_LIFE_HOURS, priorityOf, reachOf } from './priority';

const NOW = Date.parse('2026-11-22T18:00:00Z');
const ago = (hours: number) => new Date(NOW - hours * 3_600_000).toISOString();
const viral = { likes: 4000, shares: 1500, comments: 800, views: 300_000 };
const quiet = { likes: 3, comments: 1 };

describe('priorityOf', () => {
  it('ranks a viral recent video above a quiet one', () => {
    const v = priorityOf({ kind: 'speeding', postedAt: ago(0.5), engagement: viral }, NOW).priority;
    const q = priorityOf({ kind: 'wrong_way', postedAt: ago(0.5), engagement: quiet }, NOW).priority;
    expect(v).toBeGreaterThan(q);
  });

  it('lets an old viral post decay below a quiet fresh one', () => {
    const old = priorityOf({ kind: 'wrong_way', postedAt: ago(36), engagement: viral }, NOW).priority;
    const fresh = priorityOf({ kind: 'wrong_way', postedAt: ago(0.2), engagement: quiet }, NOW).priority;
    expect(fresh).toBeGreaterThan(old);
  });

  it('orders by danger when reach and age are equal', () => {
    const p = (kind: Parameters<typeof priorityOf>[0]['kind']) => priorityOf({ kind, postedAt: ago(1), engagement: quiet }, NOW).priority;
    expect(p('wrong_way')).toBeGreaterThan(p('racing'));
    expect(p('racing')).toBeGreaterThan(p('speeding'));
    expect(p('speeding')).toBeGreaterThan(p('other'));
    expect(p('other')).toBeGreaterThan(p(null));
  });

  it('grows with engagement and stays within 0–100', () => {
    let last = -1;
    for (const likes of [0, 10, 100, 1_000, 10_000, 1_000_000, 10_000_000_000]) {
      const { priority } = priorityOf({ kind: 'wrong_way', postedAt: ago(0), engagement: { likes } }, NOW);
      expect(priority).toBeGreaterThan(last);
      expect(priority).toBeLessThanOrEqual(100);
      last = priority;
    }
  });

  it('halves freshness every half-life, and treats future or unreadable dates sensibly', () => {
    expect(freshnessOf(ago(HALF_LIFE_HOURS), NOW)).toBeCloseTo(0.5, 6);
    expect(freshnessOf(ago(-2), NOW)).toBe(1);
    expect(freshnessOf('not a date', NOW)).toBe(0.5);
    expect(freshnessOf(new Date(NOW), new Date(NOW))).toBe(1);
  });

  it('weights shares over comments over likes, and views least', () => {
    expect(reachOf({ shares: 1 })).toBeGreaterThan(reachOf({ comments: 1 }));
    expect(reachOf({ comments: 1 })).toBeGreaterThan(reachOf({ likes: 1 }));
    expect(reachOf({ likes: 1 })).toBeGreaterThan(reachOf({ views: 1 }));
    expect(reachOf({ likes: -5, views: Number.NaN })).toBe(0);
  });

  it('suggests a severity from the kind', () => {
    expect(priorityOf({ kind: 'wrong_way', postedAt: ago(1) }, NOW).severity).toBe('critical');
    expect(priorityOf({ kind: 'racing', postedAt: ago(1) }, NOW).severity).toBe('high');
    expect(priorityOf({ kind: 'speeding', postedAt: ago(1) }, NOW).severity).toBe('medium');
    expect(priorityOf({ kind: null, postedAt: ago(1) }, NOW).severity).toBe('low');
  });
});
