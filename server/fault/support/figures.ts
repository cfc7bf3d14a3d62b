import type { DeskFigures } from './desk';

/** Prints a test's figures as one block, so CI's log shows them whatever the outcome. */
export function printFigures(title: string, lines: Record<string, unknown>): void {
  const width = Math.max(...Object.keys(lines).map((k) => k.length));
  const body = Object.entries(lines)
    .map(([k, v]) => `  ${k.padEnd(width)}  ${typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}`)
    .join('\n');
  console.log(`\n[fault] ${title}\n${body}\n`);
}

/** Sums desk figures: the per-desk detail is in the lines of the desks that reconnected. */
export function deskTotals(figures: readonly DeskFigures[]) {
  const sum = (key: keyof DeskFigures) => figures.reduce((n, f) => n + Number(f[key]), 0);
  return {
    desks: figures.length,
    reconnected: figures.filter((f) => f.connects > 1).length,
    recovered: sum('recovered'),
    liveEvents: sum('liveEvents'),
    ignoredCopies: sum('ignored'),
    learnedFromCatchUp: sum('learnedFromCatchUp'),
    alertRepeats: sum('alertRepeats'),
  };
}

/** Counts a metric's samples in Prometheus text, e.g. rasd_connected_clients{role="officer"}. */
export async function metricValue(url: string, sample: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${sample} `));
  return line ? Number(line.slice(sample.length + 1)) : 0;
}
