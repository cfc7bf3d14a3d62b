import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino, { type Logger } from 'pino';
import pg from 'pg';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, inject } from 'vitest';
import { liveBatchAuth, type ClientToServerEvents, type Detection, type Role, type ServerToClientEvents } from '@rasd/shared';
import { createApplication, type Application } from '../src/app';
import { loadConfig } from '../src/config';
import type { Database } from '../src/db/database';
import { openPglite, type PgliteOptions } from '../src/db/pglite';
import { openPostgres } from '../src/db/postgres';

export const ingestSecret = 'test-camera-secret';
export const password = 'correct horse battery';
const users = (['officer', 'dispatcher', 'commander', 'admin'] as Role[]).map((r) => `${r}1:${r}:${password}`).join(',');

export type DeskSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Where a test server keeps its data: a temp dir for PGlite, or its own schema on DATABASE_URL. */
export interface TestStore {
  /** `embedded` applies to PGlite only. */
  open(embedded?: PgliteOptions): Promise<Database>;
  destroy(): Promise<void>;
}

export async function createTestStore(): Promise<TestStore> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    const scoped = `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    return {
      open: () => openPostgres(scoped),
      async destroy() {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`DROP SCHEMA ${schema} CASCADE`);
        await c.end();
      },
    };
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'rasd-test-'));
  await cp(inject('pgliteTemplate'), dir, { recursive: true });
  return { open: (embedded) => openPglite(dir, embedded), destroy: () => rm(dir, { recursive: true, force: true }) };
}

export interface TestServer {
  url: string;
  app: Application;
  db: Database;
  /** Stops this server without deleting its data. */
  stop(): Promise<void>;
}

export async function startTestServer(store: TestStore, env: Record<string, string> = {}, log: Logger = pino({ level: 'silent' })): Promise<TestServer> {
  const config = loadConfig({
    PORT: '0',
    RASD_USERS: users,
    RASD_INGEST_KEYS: `cam-gw:${ingestSecret},other-gw:other-secret`,
    RASD_CLIENT_DIR: '/nonexistent',
    ...env,
  });
  const db = await store.open();
  const app = await createApplication(config, { db, log });
  const port = await app.listen(0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    db,
    async stop() {
      await app.close();
      await db.close();
    },
  };
}

/**
 * The test server of one file: started on a store of its own before the file's tests, stopped and
 * its data removed after them. The object is filled in by that beforeAll, so tests and the file's
 * own later hooks read `server.url`, `server.db` as usual.
 */
export function useTestServer(env: Record<string, string> = {}): TestServer {
  const server = {} as TestServer;
  let store: TestStore | undefined;
  beforeAll(async () => {
    store = await createTestStore();
    Object.assign(server, await startTestServer(store, env));
  });
  afterAll(async () => {
    await server.stop?.();
    await store?.destroy();
  });
  return server;
}

export async function login(url: string, role: Role): Promise<string> {
  const res = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ username: `${role}1`, password }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  const cookie = res.headers.get('set-cookie')!;
  return cookie.split(';')[0]!;
}

export function postDetection(url: string, body: unknown, secret = ingestSecret) {
  return fetch(`${url}/api/v1/detections`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

let counter = 0;
export function detection(overrides: Partial<Detection> = {}): Detection {
  counter += 1;
  return {
    eventId: `RR-N-017:${Date.now()}-${counter}`,
    cameraId: 'RR-N-017',
    kind: 'wrong_way',
    observedAt: new Date().toISOString(),
    location: { lat: 29.982611, lon: 31.3162252 },
    headingDeg: 185,
    speedKmh: 92,
    confidence: 0.93,
    plate: 'ق ص ب ١٢٣٤',
    vehicleClass: 'car',
    ...overrides,
  };
}

/** A dashboard's socket, authenticated like a browser (cookie + the page's Origin); `batched` asks for live:batch. */
export function connectDesk(url: string, cookie: string | null, origin = url, batched = false): DeskSocket {
  return connectSocket(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    extraHeaders: { origin, ...(cookie ? { cookie } : {}) },
    ...(batched ? { auth: liveBatchAuth } : {}),
  });
}

export function connected(socket: DeskSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve();
    socket.once('connect', () => resolve());
    socket.once('connect_error', (e) => reject(e));
  });
}

export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: DeskSocket,
  event: E,
  timeoutMs = 5000,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    socket.once(event as 'incident:upsert', ((payload: never) => {
      clearTimeout(timer);
      resolve(payload);
    }) as never);
  });
}
