import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const lockDir = path.join(tmpdir(), 'rasd-fault.lock');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * One fault-test file at a time on this machine, across processes: two runs (two developers'
 * `pnpm test` on a shared machine) stopping the same PostgreSQL and Redis would break each other.
 * `mkdir` is atomic; a lock whose holder died is taken over. Returns the release function.
 */
export async function holdMachineLock(waitMs = 600_000): Promise<() => Promise<void>> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      await mkdir(lockDir);
      await writeFile(path.join(lockDir, 'pid'), String(process.pid));
      return () => rm(lockDir, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(await readFile(path.join(lockDir, 'pid'), 'utf8').catch(() => '0'));
      // No pid yet means the holder is between mkdir and writeFile, unless that was long ago (it crashed).
      const orphan = holder === 0 && Date.now() - (await stat(lockDir).then((s) => s.mtimeMs, () => Date.now())) > 10_000;
      if ((holder > 0 && !alive(holder)) || orphan) await rm(lockDir, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`another fault-test run (pid ${holder}) holds ${lockDir}`);
      else await new Promise((r) => setTimeout(r, 500));
    }
  }
}
