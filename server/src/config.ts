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
  escalateAfterS: number;
  corroboration: { km: number; minutes: number };
  allowedOrigins: string[];
  tileUrl: string | null;
  /** Origins of camera snapshots and clips the dashboard may show inline. */
  mediaOrigins: string[];
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  secureCookies: boolean;
  clientDir: string | null;
  capSender: string;
  webhooks: { allowHttp: boolean; retryBaseMs: number; maxFailures: number };
  logLevel: string;
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
  RASD_ESCALATE_AFTER_S: z.coerce.number().int().min(1).default(60),
  RASD_ALLOWED_ORIGINS: z.string().optional(),
  RASD_CORROBORATE_KM: z.coerce.number().positive().max(50).default(3),
  RASD_CORROBORATE_MIN: z.coerce.number().int().min(1).max(1440).default(30),
  RASD_TILE_URL: z.url({ protocol: /^https?$/ }).optional(),
  RASD_MEDIA_ORIGINS: z
    .string()
    .transform((s) => s.split(',').map((o) => o.trim()).filter(Boolean))
    .pipe(z.array(z.url({ protocol: /^https?$/ }).transform((u) => new URL(u).origin)))
    .optional(),
  RASD_SESSION_IDLE_MIN: z.coerce.number().int().min(1).default(30),
  RASD_SESSION_MAX_H: z.coerce.number().int().min(1).default(12),
  RASD_SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
  RASD_CLIENT_DIR: z.string().optional(),
  RASD_WEBHOOK_ALLOW_HTTP: z.enum(['true', 'false']).default('false'),
  RASD_WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).max(600_000).default(2_000),
  RASD_WEBHOOK_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(10),
  RASD_CAP_SENDER: z.string().min(1).max(200).regex(/^[^\s,&<]+$/, 'no spaces, commas, & or <').default('rasd@traffic-operations.local'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
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
    escalateAfterS: e.RASD_ESCALATE_AFTER_S,
    corroboration: { km: e.RASD_CORROBORATE_KM, minutes: e.RASD_CORROBORATE_MIN },
    allowedOrigins: (e.RASD_ALLOWED_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    tileUrl: e.RASD_TILE_URL ?? null,
    mediaOrigins: e.RASD_MEDIA_ORIGINS ?? [],
    sessionIdleMinutes: e.RASD_SESSION_IDLE_MIN,
    sessionMaxHours: e.RASD_SESSION_MAX_H,
    secureCookies: e.RASD_SECURE_COOKIES === 'true',
    clientDir: e.RASD_CLIENT_DIR ?? null,
    capSender: e.RASD_CAP_SENDER,
    webhooks: { allowHttp: e.RASD_WEBHOOK_ALLOW_HTTP === 'true', retryBaseMs: e.RASD_WEBHOOK_RETRY_BASE_MS, maxFailures: e.RASD_WEBHOOK_MAX_FAILURES },
    logLevel: e.LOG_LEVEL,
  };
}
