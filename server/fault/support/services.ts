import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import pg from 'pg';

const run = promisify(execFile);

/** The machine's own PostgreSQL and Redis, as .ci/run starts them. */
export const pgAdminUrl = process.env.RASD_FAULT_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const redisUrl = process.env.RASD_FAULT_REDIS_URL ?? 'redis://127.0.0.1:6379';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pgVersion = () => readdirSync('/etc/postgresql').sort()[0]!;
const pgctl = (...args: string[]) => run('pg_ctlcluster', ['--skip-systemctl-redirect', pgVersion(), 'main', ...args]);

export async function postgresUp(): Promise<boolean> {
  return run('pg_isready', ['-q', '-h', '127.0.0.1', '-p', '5432']).then(
    () => true,
    () => false,
  );
}

/** Stops PostgreSQL the way an operator's restart does: open connections are terminated. */
export async function stopPostgres(): Promise<void> {
  await pgctl('stop', '-m', 'fast');
}

export async function startPostgres(): Promise<void> {
  if (!(await postgresUp())) await pgctl('start').catch(() => undefined);
  for (let i = 0; i < 60 && !(await postgresUp()); i++) await sleep(500);
  if (!(await postgresUp())) throw new Error('PostgreSQL did not come back');
}

export async function redisUp(): Promise<boolean> {
  return run('redis-cli', ['-h', '127.0.0.1', '-p', '6379', 'ping']).then(
    ({ stdout }) => stdout.trim() === 'PONG',
    () => false,
  );
}

/** Stops Redis without saving: its streams and sessions are gone, as after a crash. */
export async function stopRedis(): Promise<void> {
  await run('redis-cli', ['-h', '127.0.0.1', '-p', '6379', 'shutdown', 'nosave']).catch(() => undefined);
  for (let i = 0; i < 40 && (await redisUp()); i++) await sleep(250);
}

/** Starts Redis as .ci/run does, if it is not running. */
export async function startRedis(): Promise<void> {
  if (!(await redisUp())) {
    await run('redis-server', ['--daemonize', 'yes', '--bind', '127.0.0.1', '-::1', '--port', '6379', '--save', '', '--appendonly', 'no', '--dir', '/var/lib/redis', '--logfile', '/var/log/redis/ci.log']).catch(() =>
      // Without the Debian package's folders, the defaults do.
      run('redis-server', ['--daemonize', 'yes', '--bind', '127.0.0.1', '-::1', '--port', '6379', '--save', '', '--appendonly', 'no', '--dir', '/tmp']),
    );
  }
  for (let i = 0; i < 40 && !(await redisUp()); i++) await sleep(250);
  if (!(await redisUp())) throw new Error('Redis did not come back');
}

/** Whatever a test did, PostgreSQL and Redis are running again afterwards. */
export async function restoreServices(): Promise<void> {
  await Promise.all([startPostgres(), startRedis()]);
}

async function queryOn<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

export interface Schema {
  /** Also the cluster's Redis key prefix: clusters sharing the machine's Redis must not hear each other. */
  name: string;
  /** DATABASE_URL for instances: the shared server, this schema on the search path. */
  url: string;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

/**
 * Schemas and Redis keys of earlier fault runs that were killed before their teardown. Only safe
 * while holding the machine lock (no other fault run is active then).
 */
export async function dropLeftovers(): Promise<void> {
  const schemas = await queryOn<{ nspname: string }>(pgAdminUrl, "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'fault\\_%'");
  for (const { nspname } of schemas) {
    await queryOn(pgAdminUrl, `DROP SCHEMA IF EXISTS ${nspname} CASCADE`);
    await dropRedisKeys(`rasd-${nspname}`);
  }
}

/** A fresh schema on the shared PostgreSQL: a cluster's own database, dropped afterwards. */
export async function createSchema(): Promise<Schema> {
  const schema = `fault_${randomBytes(5).toString('hex')}`;
  await queryOn(pgAdminUrl, `CREATE SCHEMA ${schema}`);
  const url = `${pgAdminUrl}${pgAdminUrl.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return {
    name: schema,
    url,
    query: (sql, params) => queryOn(url, sql, params),
    async drop() {
      await queryOn(pgAdminUrl, `DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await dropRedisKeys(`rasd-${schema}`);
    },
  };
}

/** The cluster's stream and sessions (RASD_REDIS_PREFIX is `rasd-<schema>`): not left in the machine's Redis. */
async function dropRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
  } catch {
    // Redis is down: a test failed to restore it; restoreServices() reports that.
  } finally {
    redis.disconnect();
  }
}
