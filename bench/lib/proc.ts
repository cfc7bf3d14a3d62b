import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second for /proc/<pid>/stat (almost always 100 on Linux). */
const clockTicks = (() => {
  try {
    const n = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    return Number.isFinite(n) && n > 0 ? n : 100;
  } catch {
    return 100;
  }
})();

/** User + system CPU seconds a process has used so far, or null when it is gone. */
export function readCpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may contain spaces and parentheses: fields start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of stat(5), utime and stime, are at 11 and 12 after the state field (3).
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return (utime + stime) / clockTicks;
  } catch {
    return null;
  }
}

/** Resident set size in MiB, or null when the process is gone. */
export function readRssMb(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

export interface ProcUsage {
  /** CPU used over the sampled interval, in % of one core (a multi-threaded process may exceed 100). */
  cpuPct: number;
  rssMb: number;
  rssPeakMb: number;
}

/**
 * Samples several processes' CPU and RSS between start() and stop(). RSS is polled so the peak
 * is seen; `onRss` lets a caller abort a run that is about to exhaust the machine's memory.
 */
export class ProcSampler {
  private startCpu = new Map<string, number>();
  private peak = new Map<string, number>();
  private startedAt = 0;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly pids: Readonly<Record<string, number>>,
    private readonly onRss?: (name: string, rssMb: number) => void,
  ) {}

  start(): void {
    this.startedAt = performance.now();
    for (const [name, pid] of Object.entries(this.pids)) {
      this.startCpu.set(name, readCpuSeconds(pid) ?? Number.NaN);
      this.peak.set(name, readRssMb(pid) ?? 0);
    }
    this.timer = setInterval(() => this.poll(), 250);
    this.timer.unref();
  }

  private poll(): void {
    for (const [name, pid] of Object.entries(this.pids)) {
      const rss = readRssMb(pid);
      if (rss === null) continue;
      if (rss > (this.peak.get(name) ?? 0)) this.peak.set(name, rss);
      this.onRss?.(name, rss);
    }
  }

  stop(): Record<string, ProcUsage> {
    clearInterval(this.timer);
    this.poll();
    const elapsedS = (performance.now() - this.startedAt) / 1000;
    const out: Record<string, ProcUsage> = {};
    for (const [name, pid] of Object.entries(this.pids)) {
      const cpu = readCpuSeconds(pid);
      const startCpu = this.startCpu.get(name) ?? Number.NaN;
      out[name] = {
        cpuPct: cpu === null || elapsedS <= 0 ? Number.NaN : ((cpu - startCpu) / elapsedS) * 100,
        rssMb: readRssMb(pid) ?? Number.NaN,
        rssPeakMb: this.peak.get(name) ?? Number.NaN,
      };
    }
    return out;
  }
}

/** Every live process below `rootPid` (children, grandchildren …) with its command line. */
export function descendants(rootPid: number): Array<{ pid: number; cmdline: string }> {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parentOf.set(Number(entry), ppid);
    } catch {
      // exited meanwhile
    }
  }
  const out: Array<{ pid: number; cmdline: string }> = [];
  for (const pid of parentOf.keys()) {
    let p = parentOf.get(pid);
    for (let depth = 0; p !== undefined && p > 1 && depth < 20; depth++) {
      if (p === rootPid) {
        let cmdline = '';
        try {
          cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
        } catch {
          // exited meanwhile
        }
        out.push({ pid, cmdline });
        break;
      }
      p = parentOf.get(p);
    }
  }
  return out;
}
