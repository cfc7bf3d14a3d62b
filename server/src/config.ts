import { z } from 'zod';
import { roleSchema, type Role } from '@rasd/shared';

export interface BootstrapUser {
  username: string;
  role: Role;
  password: string;
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  redisUrl: string | null;
  ingestKeys: Map<string, string>;
  users: BootstrapUser[];
  simulator: boolean;
  /** Device key of the simulator's first patrol unit (P-101), so the demo's /unit tablet can sign in. */
  simulatorUnitKey: string | null;
  escalateAfterS: number;
  /** Dashboards that ask for batches get at most one live frame per this many ms. */
  liveFrameMs: number;
  /** Frames a second this instance writes to its batched desks in all, at most: with many desks the interval grows past liveFrameMs. */
  liveFramesPerS: number;
  corroboration: { km: number; minutes: number };
  allowedOrigins: string[];
  tileUrl: string | null;
  /** Origins of camera snapshots and clips the dashboard may show inline. */
  mediaOrigins: string[];
  ingestPerSecond: number;
  slowConsumer: { maxQueuedPackets: number; maxBufferedBytes: number };
  login: { maxFailures: number; lockoutMinutes: number; perAddress: number };
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  secureCookies: boolean;
  clientDir: string | null;
  capSender: string;
  /** Local hours (Africa/Cairo) at which shifts start, ascending. */
  shiftStarts: number[];
  webhooks: { allowHttp: boolean; retryBaseMs: number; maxFailures: number };
  logLevel: string;
  /** Bearer token for GET /metrics; without it, /metrics answers only direct requests from this host. */
  metricsToken: string | null;
  /** Seconds a shutdown waits for requests in flight before closing anyway. */
  drainTimeoutS: number;
  /** Seconds between SIGTERM and closing the listener, /readyz answering 503 meanwhile. */
  shutdownDelayS: number;
  /** Express `trust proxy`: which proxies' X-Forwarded-For to believe for the client address (login limits). */
  trustProxy: string | null;
  /** Redis fan-out: key prefix (one per deployment sharing a Redis) and stream length. */
  redisFanout: { prefix: string; maxLen: number };
}

const pairList = (parts: number) =>
  z
    .string()
    .transform((s) => s.split(',').map((p) => p.trim()).filter(Boolean))
    .pipe(
      z.array(
        z.string().refine((p) => p.split(':').length >= parts && p.split(':').every((x) => x.length > 0), {
          message: `each entry must have ${parts} non-empty parts separated by ':'`,
        }),
      ),
    );

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis://')
    .optional(),
  RASD_INGEST_KEYS: pairList(2).optional(),
  RASD_USERS: pairList(3).optional(),
  RASD_SIMULATOR: z.enum(['on', 'off']).default('off'),
  RASD_SIMULATOR_UNIT_KEY: z.string().min(16).max(200).optional(),
  RASD_ESCALATE_AFTER_S: z.coerce.number().int().min(1).default(60),
  RASD_LIVE_FRAME_MS: z.coerce.number().int().min(0).max(1000).default(10),
  RASD_LIVE_FRAMES_PER_S: z.coerce.number().int().min(100).max(1_000_000).default(25_000),
  RASD_ALLOWED_ORIGINS: z.string().optional(),
  RASD_CORROBORATE_KM: z.coerce.number().positive().max(50).default(3),
  RASD_CORROBORATE_MIN: z.coerce.number().int().min(1).max(1440).default(30),
  RASD_TILE_URL: z.url({ protocol: /^https?$/ }).optional(),
  RASD_MEDIA_ORIGINS: z
    .string()
    .transform((s) => s.split(',').map((o) => o.trim()).filter(Boolean))
    .pipe(z.array(z.url({ protocol: /^https?$/ }).transform((u) => new URL(u).origin)))
    .optional(),
  RASD_INGEST_PER_SECOND: z.coerce.number().int().min(1).max(1_000_000).default(5_000),
  RASD_SOCKET_MAX_QUEUED: z.coerce.number().int().min(10).default(10_000),
  RASD_SOCKET_MAX_BUFFER_MB: z.coerce.number().positive().max(1024).default(16),
  RASD_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  RASD_LOCKOUT_MIN: z.coerce.number().int().min(1).max(1440).default(15),
  RASD_LOGIN_PER_ADDRESS: z.coerce.number().int().min(1).max(10_000).default(30),
  RASD_SESSION_IDLE_MIN: z.coerce.number().int().min(1).default(30),
  RASD_SESSION_MAX_H: z.coerce.number().int().min(1).default(12),
  RASD_SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
  RASD_CLIENT_DIR: z.string().optional(),
  RASD_WEBHOOK_ALLOW_HTTP: z.enum(['true', 'false']).default('false'),
  RASD_WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).max(600_000).default(2_000),
  RASD_WEBHOOK_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(10),
  RASD_CAP_SENDER: z.string().min(1).max(200).regex(/^[^\s,&<]+$/, 'no spaces, commas, & or <').default('rasd@traffic-operations.local'),
  RASD_SHIFT_STARTS: z
    .string()
    .transform((s) => s.split(',').map((h) => h.trim()))
    .pipe(
      z
        .array(z.string().regex(/^\d{1,2}$/, 'each entry must be an hour 0–23').transform(Number).pipe(z.number().int().min(0).max(23)))
        .min(1)
        .max(24)
        // Strictly ascending: a shift runs from one start to the next, the last one into the next day.
        .refine((hs) => hs.every((h, i) => i === 0 || h > hs[i - 1]!), 'hours must be strictly ascending, e.g. 0,8,16'),
    )
    .default([0, 8, 16]),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RASD_METRICS_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
  RASD_DRAIN_TIMEOUT_S: z.coerce.number().int().min(0).max(600).default(10),
  RASD_SHUTDOWN_DELAY_S: z.coerce.number().min(0).max(120).default(0),
  RASD_TRUST_PROXY: z.string().regex(/^[\w.:/, -]{1,200}$/, 'e.g. loopback, or addresses/CIDRs separated by commas').optional(),
  RASD_REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9_:.-]{1,64}$/, 'letters, digits and _ : . - only').default('rasd'),
  RASD_REDIS_STREAM_MAXLEN: z.coerce.number().int().min(1_000).max(100_000_000).default(100_000),
});

export class ConfigError extends Error {}

function splitPair(entry: string, parts: number): string[] {
  // Passwords and secrets may contain ':'; only the leading separators count.
  const fields = entry.split(':');
  return [...fields.slice(0, parts - 1), fields.slice(parts - 1).join(':')];
}

/** Reads the configuration from the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  // An empty variable means unset, as shells and service managers often leave them.
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.REDIS_URL && !e.DATABASE_URL) {
    // The embedded database is one process's: instances sharing Redis must share a PostgreSQL too.
    throw new ConfigError('Invalid configuration:\n  REDIS_URL: set DATABASE_URL as well (several instances cannot share the embedded database)');
  }
  const users = (e.RASD_USERS ?? []).map((entry) => {
    const [username = '', role = '', password = ''] = splitPair(entry, 3);
    const parsedRole = roleSchema.safeParse(role);
    if (!parsedRole.success) {
      throw new ConfigError(`Invalid configuration:\n  RASD_USERS: user '${username}' has unknown role '${role}'`);
    }
    return { username, role: parsedRole.data, password };
  });
  const ingestKeys = new Map<string, string>();
  for (const entry of e.RASD_INGEST_KEYS ?? []) {
    const [name = '', secret = ''] = splitPair(entry, 2);
    ingestKeys.set(secret, name);
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL ?? null,
    redisUrl: e.REDIS_URL ?? null,
    ingestKeys,
    users,
    simulator: e.RASD_SIMULATOR === 'on',
    simulatorUnitKey: e.RASD_SIMULATOR_UNIT_KEY ?? null,
    escalateAfterS: e.RASD_ESCALATE_AFTER_S,
    liveFrameMs: e.RASD_LIVE_FRAME_MS,
    liveFramesPerS: e.RASD_LIVE_FRAMES_PER_S,
    corroboration: { km: e.RASD_CORROBORATE_KM, minutes: e.RASD_CORROBORATE_MIN },
    allowedOrigins: (e.RASD_ALLOWED_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    tileUrl: e.RASD_TILE_URL ?? null,
    mediaOrigins: e.RASD_MEDIA_ORIGINS ?? [],
    ingestPerSecond: e.RASD_INGEST_PER_SECOND,
    slowConsumer: { maxQueuedPackets: e.RASD_SOCKET_MAX_QUEUED, maxBufferedBytes: e.RASD_SOCKET_MAX_BUFFER_MB * 1024 * 1024 },
    login: { maxFailures: e.RASD_LOGIN_MAX_FAILURES, lockoutMinutes: e.RASD_LOCKOUT_MIN, perAddress: e.RASD_LOGIN_PER_ADDRESS },
    sessionIdleMinutes: e.RASD_SESSION_IDLE_MIN,
    sessionMaxHours: e.RASD_SESSION_MAX_H,
    secureCookies: e.RASD_SECURE_COOKIES === 'true',
    clientDir: e.RASD_CLIENT_DIR ?? null,
    capSender: e.RASD_CAP_SENDER,
    shiftStarts: e.RASD_SHIFT_STARTS,
    webhooks: { allowHttp: e.RASD_WEBHOOK_ALLOW_HTTP === 'true', retryBaseMs: e.RASD_WEBHOOK_RETRY_BASE_MS, maxFailures: e.RASD_WEBHOOK_MAX_FAILURES },
    logLevel: e.LOG_LEVEL,
    metricsToken: e.RASD_METRICS_TOKEN ?? null,
    drainTimeoutS: e.RASD_DRAIN_TIMEOUT_S,
    shutdownDelayS: e.RASD_SHUTDOWN_DELAY_S,
    redisFanout: { prefix: e.RASD_REDIS_PREFIX, maxLen: e.RASD_REDIS_STREAM_MAXLEN },
    trustProxy: e.RASD_TRUST_PROXY ?? null,
  };
}
