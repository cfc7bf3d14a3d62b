import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import getPort from 'get-port';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const ingestSecret = 'e2e-camera-secret';
export const officerPassword = 'e2e-officer-pass';

export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  /** `keepData`: leave the data directory for a restart (`startServer(env, { port, dataDir })`). */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

export interface ServerPlace {
  /** Reuse a port (a restart keeps the page's origin). */
  port?: number;
  /** Reuse a data directory (a restart keeps the incidents and sessions). */
  dataDir?: string;
}

/** Starts the real server process (`node --import tsx server/src/main.ts`) serving the built client. */
export async function startServer(env: Record<string, string> = {}, place: ServerPlace = {}): Promise<RunningServer> {
  const dataDir = place.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'rasd-e2e-')));
  const port = place.port ?? (await getPort({ host: '127.0.0.1' }));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: '',
      REDIS_URL: '',
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      RASD_USERS: `officer1:officer:${officerPassword},commander1:commander:${officerPassword}`,
      RASD_INGEST_KEYS: `e2e-gw:${ingestSecret}`,
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('server did not become ready');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    port,
    dataDir,
    async stop(options = {}) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      if (!options.keepData) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export function postDetection(url: string, body: unknown) {
  return fetch(`${url}/api/v1/detections`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ingestSecret}` },
    body: JSON.stringify(body),
  });
}
