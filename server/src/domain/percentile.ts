/** Nearest-rank percentiles (p in 0..100) of a sample; null for an empty one. */
export function percentiles(values: readonly number[]): { p50: number | null; p90: number | null; n: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => (sorted.length ? sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]! : null);
  return { p50: at(50), p90: at(90), n: sorted.length };
}
