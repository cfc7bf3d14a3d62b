import { describe, expect, it } from 'vitest';
import { LogHistogram, linearSlope, median, medianOfFinite, percentile, ratio, summarize } from './stats';

describe('percentile', () => {
  it('interpolates between closest ranks', () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([10, 20, 30, 40, 50], 90)).toBe(46);
    expect(percentile([5], 99)).toBe(5);
  });

  it('sorts unsorted input without changing it', () => {
    const values = [3, 1, 2];
    expect(percentile(values, 0)).toBe(1);
    expect(percentile(values, 100)).toBe(3);
    expect(values).toEqual([3, 1, 2]);
  });

  it('is NaN for no values and clamps p', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(percentile([1, 2], 150)).toBe(2);
    expect(percentile([1, 2], -5)).toBe(1);
  });
});

describe('median, summarize, slope, ratio', () => {
  it('medians ignore failed (NaN) repetitions only when asked', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(medianOfFinite([Number.NaN, 4, 2])).toBe(3);
  });

  it('summarizes', () => {
    const s = summarize(Array.from({ length: 101 }, (_, i) => i));
    expect(s).toMatchObject({ n: 101, min: 0, p50: 50, p90: 90, p99: 99, max: 100, mean: 50 });
  });

  it('fits a slope', () => {
    expect(linearSlope([0, 1, 2, 3], [1, 3, 5, 7])).toBeCloseTo(2);
    expect(linearSlope([1], [1])).toBeNaN();
  });

  it('ratio is NaN for a missing side or zero', () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(3, 0)).toBeNaN();
    expect(ratio(Number.NaN, 2)).toBeNaN();
  });
});

describe('LogHistogram', () => {
  it('answers percentiles within 1% of the exact value', () => {
    const h = new LogHistogram();
    const values = Array.from({ length: 10_000 }, (_, i) => 0.5 + i * 0.01); // 0.5 … 100.49 ms
    for (const v of values) h.record(v);
    for (const p of [50, 90, 99]) {
      const exact = percentile(values, p);
      expect(Math.abs(h.percentile(p) - exact) / exact).toBeLessThan(0.011);
    }
    expect(h.percentile(100)).toBeCloseTo(100.49);
    expect(h.n).toBe(10_000);
    expect(h.meanMs).toBeCloseTo(50.495, 2);
  });

  it('never answers above the maximum or below the minimum', () => {
    const h = new LogHistogram();
    h.record(7.3);
    expect(h.percentile(50)).toBe(7.3);
    expect(h.percentile(1)).toBe(7.3);
  });

  it('survives JSON and merges like one histogram', () => {
    const a = new LogHistogram();
    const b = new LogHistogram();
    for (let i = 1; i <= 100; i++) (i % 2 ? a : b).record(i);
    const merged = LogHistogram.fromJSON(JSON.parse(JSON.stringify(a.toJSON()))).merge(LogHistogram.fromJSON(b.toJSON()));
    expect(merged.n).toBe(100);
    expect(merged.min).toBe(1);
    expect(merged.max).toBe(100);
    expect(Math.abs(merged.percentile(50) - 50) / 50).toBeLessThan(0.011);
  });

  it('is empty-safe', () => {
    const h = LogHistogram.fromJSON(JSON.parse(JSON.stringify(new LogHistogram().toJSON())));
    expect(h.n).toBe(0);
    expect(h.percentile(50)).toBeNaN();
    expect(h.summary().max).toBeNaN();
  });
});
