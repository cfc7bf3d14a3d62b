/** Percentiles, medians and a compact latency histogram. Pure functions: no I/O, no clocks. */

/** The p-th percentile (0–100) of values, linearly interpolated between closest ranks; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = isSorted(values) ? values : [...values].sort((a, b) => a - b);
  const clamped = Math.min(100, Math.max(0, p));
  const rank = (clamped / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a + (b - a) * (rank - lo);
}

function isSorted(values: readonly number[]): boolean {
  for (let i = 1; i < values.length; i++) if (values[i]! < values[i - 1]!) return false;
  return true;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Median of the finite values only (a failed repetition reports NaN and must not count). */
export function medianOfFinite(values: readonly number[]): number {
  return median(values.filter(Number.isFinite));
}

export interface Summary {
  n: number;
  min: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    min: sorted.length ? sorted[0]! : Number.NaN,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
    mean: mean(sorted),
  };
}

/** Least-squares slope of ys over xs (units of y per unit of x); NaN with fewer than two points. */
export function linearSlope(xs: readonly number[], ys: readonly number[]): number {
  const n = Math.min(xs.length, ys.length);
  if (n < 2) return Number.NaN;
  const mx = mean(xs.slice(0, n));
  const my = mean(ys.slice(0, n));
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return den === 0 ? Number.NaN : num / den;
}

/** a / b, NaN when either is missing or b is zero. */
export function ratio(a: number, b: number): number {
  return Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? a / b : Number.NaN;
}

export interface HistogramJson {
  /** [bucket index, count] pairs for the non-empty buckets. */
  buckets: Array<[number, number]>;
  n: number;
  sum: number;
  min: number;
  max: number;
}

const growth = 1.01;
const logGrowth = Math.log(growth);
const bucketCount = 2400; // 1.01^2400 µs ≈ 23 days: nothing measured here is longer.

/**
 * Log-bucketed histogram of non-negative values in milliseconds, stored in microseconds with 1%
 * relative precision, so millions of samples cost a few kilobytes and merge across processes.
 */
export class LogHistogram {
  private readonly counts = new Float64Array(bucketCount);
  n = 0;
  sum = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;

  static bucketOf(valueMs: number): number {
    const us = valueMs * 1000;
    if (!(us > 1)) return 0;
    return Math.min(bucketCount - 1, Math.ceil(Math.log(us) / logGrowth));
  }

  /** Upper bound of a bucket, in milliseconds. */
  static upperBoundMs(bucket: number): number {
    return bucket === 0 ? 0.001 : growth ** bucket / 1000;
  }

  record(valueMs: number, count = 1): void {
    const v = valueMs < 0 ? 0 : valueMs;
    this.counts[LogHistogram.bucketOf(v)]! += count;
    this.n += count;
    this.sum += v * count;
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
  }

  /** The p-th percentile (0–100): the upper bound of the bucket holding it, never above max. */
  percentile(p: number): number {
    if (this.n === 0) return Number.NaN;
    if (p >= 100) return this.max;
    if (p <= 0) return this.min;
    const target = Math.ceil((p / 100) * this.n);
    let seen = 0;
    for (let i = 0; i < bucketCount; i++) {
      seen += this.counts[i]!;
      if (seen >= target) return Math.max(this.min, Math.min(this.max, LogHistogram.upperBoundMs(i)));
    }
    return this.max;
  }

  get meanMs(): number {
    return this.n === 0 ? Number.NaN : this.sum / this.n;
  }

  merge(other: LogHistogram): this {
    for (let i = 0; i < bucketCount; i++) this.counts[i]! += other.counts[i]!;
    this.n += other.n;
    this.sum += other.sum;
    this.min = Math.min(this.min, other.min);
    this.max = Math.max(this.max, other.max);
    return this;
  }

  summary(): Summary {
    return {
      n: this.n,
      min: this.n ? this.min : Number.NaN,
      p50: this.percentile(50),
      p90: this.percentile(90),
      p95: this.percentile(95),
      p99: this.percentile(99),
      max: this.n ? this.max : Number.NaN,
      mean: this.meanMs,
    };
  }

  toJSON(): HistogramJson {
    const buckets: Array<[number, number]> = [];
    for (let i = 0; i < bucketCount; i++) if (this.counts[i]! > 0) buckets.push([i, this.counts[i]!]);
    return { buckets, n: this.n, sum: this.sum, min: this.min, max: this.max };
  }

  static fromJSON(json: HistogramJson): LogHistogram {
    const h = new LogHistogram();
    for (const [i, c] of json.buckets) h.counts[i]! += c;
    h.n = json.n;
    h.sum = json.sum;
    h.min = json.n ? json.min : Number.POSITIVE_INFINITY;
    h.max = json.n ? json.max : Number.NEGATIVE_INFINITY;
    return h;
  }
}
