import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';

const deploy = fileURLToPath(new URL('../../docs/deploy/', import.meta.url));
const systemdAnalyze = ['/usr/bin/systemd-analyze', '/bin/systemd-analyze'].find((p) => existsSync(p));

/** The documented deployment files stay valid as the code moves (the nginx sample runs in server/fault). */
describe('docs/deploy', () => {
  it('rasd.env is a configuration Rasd accepts, with the multi-instance settings it documents', async () => {
    const text = await readFile(path.join(deploy, 'rasd.env'), 'utf8');
    const env = Object.fromEntries(
      text
        .split('\n')
        .filter((line) => /^[A-Z_]+=/.test(line))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    const config = loadConfig({ ...env, PORT: '3001' });
    expect(config).toMatchObject({ port: 3001, trustProxy: 'loopback', secureCookies: true, redisFanout: { prefix: 'rasd-prod', maxLen: 100_000 } });
    expect(config.databaseUrl).toMatch(/^postgres:/);
    expect(config.redisUrl).toMatch(/^redis:/);
  });

  it.skipIf(!systemdAnalyze)('rasd@.service passes systemd-analyze verify', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rasd-unit-'));
    try {
      await copyFile(path.join(deploy, 'rasd@.service'), path.join(dir, 'rasd@3001.service'));
      const { stderr } = await promisify(execFile)(systemdAnalyze!, ['verify', '--man=no', path.join(dir, 'rasd@3001.service')]);
      expect(stderr).toBe('');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
