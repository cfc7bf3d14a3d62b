import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('applies the contract defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', dataDir: './data', databaseUrl: null, redisUrl: null, simulator: false, escalateAfterS: 60 });
    expect(c.users).toEqual([]);
  });

  it('parses users and ingest keys, allowing ":" inside secrets', () => {
    const c = loadConfig({ RASD_USERS: 'amr:officer:p:w, kamal:commander:x', RASD_INGEST_KEYS: 'gw1:s3cr:et' });
    expect(c.users).toEqual([
      { username: 'amr', role: 'officer', password: 'p:w' },
      { username: 'kamal', role: 'commander', password: 'x' },
    ]);
    expect(c.ingestKeys.get('s3cr:et')).toBe('gw1');
  });

  it('names every bad variable in one message', () => {
    try {
      loadConfig({ PORT: 'abc', RASD_SIMULATOR: 'yes', DATABASE_URL: 'mysql://x', RASD_ESCALATE_AFTER_S: '0' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const message = (e as Error).message;
      for (const name of ['PORT', 'RASD_SIMULATOR', 'DATABASE_URL', 'RASD_ESCALATE_AFTER_S']) expect(message).toContain(name);
    }
  });

  it('refuses an unknown role and a malformed user entry', () => {
    expect(() => loadConfig({ RASD_USERS: 'amr:chief:pw' })).toThrow(/unknown role 'chief'/);
    expect(() => loadConfig({ RASD_USERS: 'amr:officer' })).toThrow(/RASD_USERS/);
  });

  it('refuses Redis fan-out over the embedded database', () => {
    expect(() => loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(/DATABASE_URL/);
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379', DATABASE_URL: 'postgres://x@y/z' }).redisUrl).toBe('redis://127.0.0.1:6379');
  });

  it('reads shift start hours, defaulting to 00, 08 and 16, and refuses bad patterns', () => {
    expect(loadConfig({}).shiftStarts).toEqual([0, 8, 16]);
    expect(loadConfig({ RASD_SHIFT_STARTS: '7, 19' }).shiftStarts).toEqual([7, 19]);
    for (const bad of ['8,0,16', '0,8,8', '0,24', 'a,b', '0,,8', '-1,8']) {
      expect(() => loadConfig({ RASD_SHIFT_STARTS: bad }), bad).toThrow(/RASD_SHIFT_STARTS/);
    }
  });
});
