import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { makeTempDir, removeTempDir } from '../lib/children';
import { summarizeCpuProfile, type ProfileSummary } from '../lib/cpuprofile';
import { fmt, fmtInt, table } from '../lib/report';
import { runOnce, startRig, type Cell, type RunResult } from './latency';

export interface ProfileOptions {
  cell: Cell;
  warmupS: number;
  measureS: number;
  batchSize: number;
  drainS: number;
  /** Where the raw .cpuprofile is kept (open it in Chrome DevTools or speedscope). */
  keepAs: string;
  log: (line: string) => void;
}

export interface ProfileResult {
  cell: Cell;
  run: Pick<RunResult, 'p50' | 'p99' | 'achievedRate' | 'deliveriesPerS' | 'sustainable' | 'notes' | 'error'> & { serverCpuPct: number };
  summary: ProfileSummary | null;
  /** The measured window on the profile's clock (monotonic µs), for further analysis of the file. */
  windowUs: { fromUs: number; toUs: number } | null;
  file: string | null;
  error: string | null;
}

/** One Rasd run under `node --cpu-prof`; self time summarised over the measured window only. */
export async function runProfile(o: ProfileOptions): Promise<ProfileResult> {
  const dir = makeTempDir('rasd-cpuprof-');
  const rig = startRig();
  try {
    o.log(`profile: Rasd under --cpu-prof, C=${o.cell.clients} × R=${o.cell.rate}/s …`);
    const run = await runOnce(rig, 'rasd', o.cell, 1, o, dir);
    const base = {
      p50: run.p50,
      p99: run.p99,
      achievedRate: run.achievedRate,
      deliveriesPerS: run.deliveriesPerS,
      sustainable: run.sustainable,
      notes: run.notes,
      error: run.error,
      serverCpuPct: run.server_?.cpuPct ?? Number.NaN,
    };
    const profile = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!profile) return { cell: o.cell, run: base, summary: null, windowUs: run.windowUs, file: null, error: 'the server wrote no .cpuprofile (did it exit cleanly on SIGTERM?)' };
    const summary = summarizeCpuProfile(path.join(dir, profile), run.windowUs);
    mkdirSync(path.dirname(o.keepAs), { recursive: true });
    copyFileSync(path.join(dir, profile), o.keepAs);
    return { cell: o.cell, run: base, summary, windowUs: run.windowUs, file: o.keepAs, error: null };
  } finally {
    await rig.stop();
    removeTempDir(dir);
  }
}

export function profileTables(r: ProfileResult, top = 20): string {
  if (!r.summary) return `profile: ${r.error ?? 'no data'}`;
  const s = r.summary;
  const head =
    `Rasd server under --cpu-prof, C=${fmtInt(r.cell.clients)} × R=${fmtInt(r.cell.rate)}/s: p50 ${fmt(r.run.p50)} ms, p99 ${fmt(r.run.p99)} ms, ` +
    `${fmtInt(r.run.deliveriesPerS)} deliveries/s, server CPU ${fmtInt(r.run.serverCpuPct)}%. ` +
    `Measured window ${fmt(s.windowMs / 1000)} s: main thread busy ${fmt(s.busyMs / 1000)} s, idle ${fmt(s.idleMs / 1000)} s.`;
  const areas = table(
    ['area', 'self ms', '% of busy'],
    s.byArea.slice(0, 12).map((a) => [a.name, fmtInt(a.selfMs), fmt(a.pct)]),
  );
  const fns = table(
    ['function', 'where', 'self ms', '% of busy'],
    s.topFunctions.slice(0, top).map((f) => [f.name, f.where, fmtInt(f.selfMs), fmt(f.pct)]),
  );
  return `${head}\n\n${areas}\n\n${fns}`;
}
