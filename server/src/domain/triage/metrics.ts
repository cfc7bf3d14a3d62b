/**
 * Precision/recall bookkeeping for the labelled fixtures. A null label or prediction is the
 * negative class: predicting null is never a false positive, missing a label is a false negative.
 */

export interface Score {
  label: string;
  support: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

export function score(label: string, tp: number, fp: number, fn: number): Score {
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { label, support: tp + fn, tp, fp, fn, precision, recall, f1 };
}

/** Per-class scores for the given classes, then their micro average. */
export function classScores<T extends string>(pairs: readonly { truth: T | null; pred: T | null }[], classes: readonly T[]): Score[] {
  const rows = classes.map((c) =>
    score(
      c,
      pairs.filter((p) => p.pred === c && p.truth === c).length,
      pairs.filter((p) => p.pred === c && p.truth !== c).length,
      pairs.filter((p) => p.truth === c && p.pred !== c).length,
    ),
  );
  const sum = (k: 'tp' | 'fp' | 'fn') => rows.reduce((n, r) => n + r[k], 0);
  return [...rows, score('micro', sum('tp'), sum('fp'), sum('fn'))];
}

/** One score for an open-ended field (corridor, plate): right when the prediction equals the label. */
export function fieldScore(label: string, pairs: readonly { truth: string | null; pred: string | null }[]): Score {
  const tp = pairs.filter((p) => p.pred !== null && p.pred === p.truth).length;
  const fp = pairs.filter((p) => p.pred !== null && p.pred !== p.truth).length;
  const fn = pairs.filter((p) => p.truth !== null && p.pred !== p.truth).length;
  return score(label, tp, fp, fn);
}

/** Rounded for console.table. */
export function printable(s: Score) {
  const pct = (x: number) => Math.round(x * 1000) / 10;
  return { n: s.support, tp: s.tp, fp: s.fp, fn: s.fn, 'P %': pct(s.precision), 'R %': pct(s.recall), 'F1 %': pct(s.f1) };
}
