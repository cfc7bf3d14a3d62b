import { readFileSync } from 'node:fs';

/** The parts of V8's .cpuprofile format (node --cpu-prof) this summary reads. */
interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    children?: number[];
  }>;
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTimeRow {
  name: string;
  where: string;
  selfMs: number;
  /** Share of the busy (non-idle) time in the window. */
  pct: number;
}

export interface ProfileSummary {
  windowMs: number;
  busyMs: number;
  idleMs: number;
  topFunctions: SelfTimeRow[];
  byArea: SelfTimeRow[];
}

/** Where a script lives, shortened: `pkg/file.js:line`, `server/src/…`, `node:internal/…`. */
function shortWhere(url: string, line: number): string {
  if (!url) return '';
  const u = url.replace(/^file:\/\//, '');
  const pnpm = /node_modules\/\.pnpm\/[^/]+\/node_modules\/(.+)$/.exec(u);
  const rel = pnpm ? pnpm[1]! : /\/((?:server|shared|client|bench)\/.+)$/.exec(u)?.[1] ?? u.replace(/^.*node_modules\//, '');
  return `${rel}:${line + 1}`;
}

/** Coarse attribution: a package, Rasd's own code, Node internals, V8 (GC, program), or WebAssembly (PGlite). */
function areaOf(url: string, name: string): string {
  if (name === '(garbage collector)') return 'V8 garbage collector';
  if (name === '(program)') return 'V8/native (program)';
  if (name === '(idle)') return 'idle';
  if (!url) return name.startsWith('wasm') || /^\$?func\d+|^js-to-wasm|^wasm-to-js/.test(name) ? 'WebAssembly (PGlite)' : 'native/builtin';
  if (url.startsWith('wasm://')) return 'WebAssembly (PGlite)';
  if (url.startsWith('node:')) return 'node internals';
  const pnpm = /node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pnpm) return pnpm[1]!;
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1]!;
  if (/\/server\/src\//.test(url)) return 'rasd server/src';
  if (/\/shared\/src\//.test(url)) return 'rasd shared/src';
  return url;
}

/**
 * Self time per function (and per area) of a .cpuprofile, optionally only for the samples taken
 * between fromUs and toUs (V8 timestamps are monotonic microseconds, the clock `nowUs` reads), so
 * start-up and connection set-up do not drown the steady state.
 */
export function summarizeCpuProfile(file: string, window?: { fromUs: number; toUs: number }, top = 25): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfByNode = new Map<number, number>();
  let t = profile.startTime;
  let first = Number.POSITIVE_INFINITY;
  let last = 0;
  // Keep the window only if it overlaps the profile (else the clocks differ: use everything).
  const useWindow = window && window.fromUs < profile.endTime && window.toUs > profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i] ?? 0;
    t += delta;
    if (useWindow && (t < window.fromUs || t > window.toUs)) continue;
    // A sample's time is the gap to the next one (what the sampler attributes to it).
    const next = profile.timeDeltas[i + 1] ?? delta;
    const id = profile.samples[i]!;
    selfByNode.set(id, (selfByNode.get(id) ?? 0) + next);
    first = Math.min(first, t);
    last = Math.max(last, t);
  }

  const fn = new Map<string, { name: string; where: string; us: number }>();
  const area = new Map<string, number>();
  let idleUs = 0;
  let totalUs = 0;
  for (const [id, us] of selfByNode) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const name = functionName || '(anonymous)';
    totalUs += us;
    if (name === '(idle)') {
      idleUs += us;
      continue;
    }
    const where = shortWhere(url, lineNumber);
    const key = `${name}@${where}`;
    const row = fn.get(key) ?? { name, where, us: 0 };
    row.us += us;
    fn.set(key, row);
    const a = areaOf(url, name);
    area.set(a, (area.get(a) ?? 0) + us);
  }
  const busyUs = totalUs - idleUs;
  const pct = (us: number) => (busyUs > 0 ? (us / busyUs) * 100 : 0);
  return {
    windowMs: (last - first) / 1000,
    busyMs: busyUs / 1000,
    idleMs: idleUs / 1000,
    topFunctions: [...fn.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map((r) => ({ name: r.name, where: r.where, selfMs: r.us / 1000, pct: pct(r.us) })),
    byArea: [...area.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, where: '', selfMs: us / 1000, pct: pct(us) })),
  };
}
