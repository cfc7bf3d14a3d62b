import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { roles } from '@rasd/shared';
import { loadConfig } from './config';
import { runServer } from './server';

// The demo keeps its generated passwords beside its data, so they survive a restart.
const dataDir = process.env.DATA_DIR ?? './data';
const file = path.join(dataDir, 'demo-credentials.json');
mkdirSync(dataDir, { recursive: true });
const secret = () => randomBytes(9).toString('base64url');
const credentials: { users: Record<string, string>; ingestKey: string } = existsSync(file)
  ? JSON.parse(readFileSync(file, 'utf8'))
  : { users: Object.fromEntries(roles.map((r) => [r, secret()])), ingestKey: secret() };
// Older credential files have no unit key yet: add one (the simulator's patrol unit P-101 uses it).
const unitKey: string = (credentials as { unitKey?: string }).unitKey ?? randomBytes(18).toString('base64url');
writeFileSync(file, JSON.stringify({ ...credentials, unitKey }, null, 2), { mode: 0o600 });

const env = {
  ...process.env,
  RASD_SIMULATOR: process.env.RASD_SIMULATOR ?? 'on',
  RASD_USERS: roles.map((r) => `${r}:${r}:${credentials.users[r]}`).join(','),
  RASD_INGEST_KEYS: `demo-camera:${credentials.ingestKey}`,
  RASD_SIMULATOR_UNIT_KEY: unitKey,
};
const config = loadConfig(env);
const url = `http://${config.host}:${config.port}`;
console.log(`\nRasd demo — open ${url}\n\n  user         password`);
for (const r of roles) console.log(`  ${r.padEnd(12)} ${credentials.users[r]}`);
console.log(`\n  ingest key (Authorization: Bearer …): ${credentials.ingestKey}`);
console.log(`  unit P-101 tablet: ${url}/unit  key: ${unitKey}\n`);
await runServer(config);
