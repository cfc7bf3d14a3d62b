import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import getPort from 'get-port';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { redisUrl, type Schema } from './services';

const root = fileURLToPath(new URL('../../..', import.meta.url));
export const ingestSecret = 'fault-camera-secret';
export const userPassword = 'fault officer pass';
export const officerCount = 50;
/** officer1 … officer50; 50 distinct people for the concurrent-claim test. */
export const officers = Array.from({ length: officerCount }, (_, i) => `officer${i + 1}`);

const running = new Set<ChildProcess>();
// If the test process dies, its instances must not outlive it.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * If the test process is killed outright (no exit handler runs), its instances would linger, holding
 * ports and a schema. A tiny detached watcher stops an instance once the test process is gone.
 */
function watchOver(pid: number) {
  const script = `const [parent, child] = [${process.pid}, ${pid}];
    const alive = (p) => { try { process.kill(p, 0); return true; } catch { return false; } };
    setInterval(() => {
      if (!alive(child)) process.exit(0);
      if (!alive(parent)) { try { process.kill(child, 'SIGTERM'); } catch {} process.exit(0); }
    }, 1000);`;
  spawn(process.execPath, ['-e', script], { detached: true, stdio: 'ignore' }).unref();
}

export interface Instance {
  name: string;
  url: string;
  port: number;
  pid: number;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  signal(signal: NodeJS.Signals): void;
  /** SIGTERM, then SIGKILL if it has not exited within 15 s. */
  stop(): Promise<void>;
  logFile: string;
}

/** Where an instance keeps its data: a schema of the shared PostgreSQL, or its own embedded database. */
export type Storage = Schema | { dataDir: string };

/**
 * One real Rasd process, `node --import tsx server/src/main.ts`, as a deployment runs it: on
 * PostgreSQL (its own schema) and the machine's Redis, or alone on the embedded database under a
 * data directory. Resolves once /readyz answers 200.
 */
export async function startInstance(name: string, storage: Storage, env: Record<string, string> = {}, port?: number): Promise<Instance> {
  const listenPort = port ?? (await getPort({ host: '127.0.0.1' }));
  const logFile = path.join(tmpdir(), `rasd-fault-${name}-${listenPort}.log`);
  const log = createWriteStream(logFile, { flags: 'a' });
  // The instance runs on the storage given here, whatever the test process was started with.
  const { DATABASE_URL: _database, REDIS_URL: _redis, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: root,
    env: {
      ...inherited,
      PORT: String(listenPort),
      HOST: '127.0.0.1',
      ...('dataDir' in storage ? { DATA_DIR: storage.dataDir } : { DATABASE_URL: storage.url, REDIS_URL: redisUrl, RASD_REDIS_PREFIX: `rasd-${storage.name}` }),
      LOG_LEVEL: 'warn',
      RASD_INGEST_KEYS: `fault-gw:${ingestSecret}`,
      RASD_CLIENT_DIR: '/nonexistent',
      // Every desk of the tests logs in from 127.0.0.1.
      RASD_LOGIN_PER_ADDRESS: '10000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  running.add(child);
  watchOver(child.pid!);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  const url = `http://127.0.0.1:${listenPort}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`instance ${name} exited at start; see ${logFile}`);
    const ready = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`instance ${name} did not become ready; see ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    name,
    url,
    port: listenPort,
    pid: child.pid!,
    exited,
    logFile,
    signal: (signal) => void child.kill(signal),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Users for a cluster: created by the first instance only (they share the database). */
export const clusterUsers = officers.map((u) => `${u}:officer:${userPassword}`).join(',');

export async function login(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ username, password: userPassword }),
  });
  if (res.status !== 200) throw new Error(`login of ${username} failed: ${res.status} ${await res.text()}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

/** The seq now: a desk that starts here expects exactly what the test produces afterwards. */
export async function currentSeq(url: string, cookie: string): Promise<number> {
  const res = await fetch(`${url}/api/v1/incidents?since=${Number.MAX_SAFE_INTEGER}`, { headers: { cookie } });
  return ((await res.json()) as { seq: number }).seq;
}
