import path from 'node:path';
import type { Config } from '../config';
import type { Database } from './database';
import { openPglite, type PgliteOptions } from './pglite';
import { openPostgres } from './postgres';

/**
 * PostgreSQL when DATABASE_URL is set, otherwise the embedded database under DATA_DIR. PostgreSQL's
 * pool reconnects by itself; the embedded database's thread cannot come back (`onFailure`).
 */
export function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>, embedded: PgliteOptions = {}): Promise<Database> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openPglite(path.resolve(config.dataDir, 'pglite'), embedded);
}
