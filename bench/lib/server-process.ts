import type { ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { sleep } from './clock';
import getPort from 'get-port';
import { makeTempDir, removeTempDir, repoRoot, spawnTracked, stopChild } from './children';

/**
 * Rasd, the raw `ws` reference, and two floors run by the reference's code: `ws-pglite` stores each
 * alert with one INSERT into PGlite instead of a file append; `ws-batched` sends one frame per 40 ms
 * (Rasd's frame interval at 1,000 desks) instead of one per alert.
 */
export const floorKinds = ['ws-pglite', 'ws-batched'] as const;
export const serverKinds = ['rasd', 'ws', ...floorKinds] as const;
export type ServerKind = (typeof serverKinds)[number];
const batchedFrameMs = 40;

/** What each kind is called in the tables. */
export const serverLabels: Record<ServerKind, string> = {
  rasd: 'Rasd',
  ws: 'raw ws',
  'ws-pglite': 'raw ws + PGlite (floor)',
  'ws-batched': `raw ws, ${batchedFrameMs} ms frames (floor)`,
};

const referenceEnv: Record<ServerKind, Record<string, string>> = {
  rasd: {},
  ws: { REF_STORE: 'file', REF_BATCH_MS: '0' },
  'ws-pglite': { REF_STORE: 'pglite', REF_BATCH_MS: '0' },
  'ws-batched': { REF_STORE: 'file', REF_BATCH_MS: String(batchedFrameMs) },
};

export interface ServerOptions {
  /** PostgreSQL instead of the embedded database. */
  databaseUrl?: string;
  /** Start Node with --cpu-prof writing into this directory. */
  cpuProfDir?: string;
}

export interface RunningServer {
  kind: ServerKind;
  url: string;
  pid: number;
  username: string;
  /** A second officer (same password): the colleague working the queue in the dashboard section. */
  colleague: string;
  password: string;
  secret: string;
  /** The last lines the server wrote to stderr/stdout (for error reports). */
  logTail(): string;
  stop(): Promise<void>;
}

const entryOf = (kind: ServerKind) => (kind === 'rasd' ? 'server/src/main.ts' : 'bench/reference/ws-server.ts');

/** Starts Rasd (or the reference) in its own process and waits until GET /readyz answers 200. */
export async function startServer(kind: ServerKind, options: ServerOptions = {}): Promise<RunningServer> {
  const dataDir = makeTempDir(`rasd-bench-${kind}-`);
  const port = await getPort({ host: '127.0.0.1' });
  const password = randomBytes(12).toString('base64url');
  const secret = randomBytes(18).toString('base64url');
  const nodeArgs = ['--import', 'tsx'];
  if (options.cpuProfDir) nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    RASD_USERS: `bench:officer:${password},bench-colleague:officer:${password}`,
    RASD_INGEST_KEYS: `bench:${secret}`,
    RASD_SIMULATOR: 'off',
    LOG_LEVEL: 'warn',
    ...referenceEnv[kind],
  };
  delete env.DATABASE_URL;
  delete env.NODE_OPTIONS;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;

  const child: ChildProcess = spawnTracked(process.execPath, [...nodeArgs, path.join(repoRoot, entryOf(kind))], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail: string[] = [];
  const keep = (chunk: Buffer) => {
    tail.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (tail.length > 40) tail.splice(0, tail.length - 40);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${kind} server exited with ${child.exitCode}:\n${tail.join('\n')}`);
    try {
      if ((await request('GET', `${url}/readyz`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stopChild(child, 1000, 'SIGKILL');
      throw new Error(`${kind} server did not become ready:\n${tail.join('\n')}`);
    }
    await sleep(100);
  }

  return {
    kind,
    url,
    pid: child.pid ?? -1,
    username: 'bench',
    colleague: 'bench-colleague',
    password,
    secret,
    logTail: () => tail.join('\n'),
    async stop() {
      // Rasd exits by itself at the latest RASD_DRAIN_TIMEOUT_S + 10 s after SIGTERM (20 s by default),
      // still backlogged after C=1,000 × R=1,000/s; killed before, it writes no --cpu-prof profile.
      await stopChild(child, 30_000);
      removeTempDir(dataDir);
    },
  };
}

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One plain HTTP request (node:http, so headers such as Origin are sent exactly as given). */
export function request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}, agent?: http.Agent): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const text = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(url, {
      method,
      agent,
      headers: text === undefined ? headers : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), ...headers },
    });
    req.setTimeout(30_000, () => req.destroy(new Error(`${method} ${url} timed out`)));
    req.on('response', (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (data += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(text);
  });
}

/** Logs in like the desk's browser does and returns the `rasd_session=…` cookie pair. */
export async function login(server: RunningServer, username = server.username): Promise<string> {
  if (server.kind !== 'rasd') return 'rasd_session=reference';
  const answer = await request('POST', `${server.url}/api/v1/session`, { username, password: server.password }, {
    origin: server.url,
  });
  if (answer.status !== 200) throw new Error(`login failed: HTTP ${answer.status} ${answer.body}`);
  const setCookie = answer.headers['set-cookie'] ?? [];
  const pair = setCookie.map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith('rasd_session='));
  if (!pair) throw new Error('login answered without a rasd_session cookie');
  return pair;
}
