import pino from 'pino';
import { createApplication } from './app';
import type { Config } from './config';
import { openDatabase } from './db/open';
import { connectRedisFanout } from './realtime/redis-fanout';
import { startSimulator } from './simulator/simulator';

/** Starts Rasd as configured and stops it cleanly on SIGTERM/SIGINT. */
export async function runServer(config: Config): Promise<void> {
  const log = pino({ level: config.logLevel });
  const db = await openDatabase(config);
  const fanout = config.redisUrl ? await connectRedisFanout(config.redisUrl) : null;
  const app = await createApplication(config, { db, log, fanout });
  const port = await app.listen(config.port, config.host);
  log.info({ url: `http://${config.host}:${port}`, database: db.kind, redis: Boolean(fanout) }, 'Rasd is listening');
  const simulator = config.simulator ? startSimulator(app.ingest, app.social, log) : null;

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    simulator?.stop();
    await app.close();
    await fanout?.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}
