import { createApplication } from './app';
import type { Config } from './config';
import { openDatabase } from './db/open';
import { createLogger } from './observability/logger';
import { connectRedisFanout } from './realtime/redis-fanout';
import { startSimulator } from './simulator/simulator';
import { startPatrolSimulator } from './simulator/patrol-simulator';

/** Starts Rasd as configured and stops it cleanly on SIGTERM/SIGINT. */
export async function runServer(config: Config): Promise<void> {
  const log = createLogger(config.logLevel);
  const db = await openDatabase(config, {
    // Nothing answers without it: exit, so the service manager starts Rasd again (PGlite recovers from its WAL).
    onFailure: (error) => {
      log.fatal({ err: error }, 'the embedded database stopped; exiting');
      process.exit(1);
    },
    onCheckpoint: (event) => {
      if ('error' in event) log.error({ err: event.error }, 'embedded database checkpoint failed');
      else log.info({ walMB: Math.round(event.replayBytes / 2 ** 20), ms: Math.round(event.ms) }, 'embedded database checkpoint');
    },
  });
  const fanout = config.redisUrl ? await connectRedisFanout(config.redisUrl, config.redisFanout) : null;
  const app = await createApplication(config, { db, log, fanout });
  const port = await app.listen(config.port, config.host);
  log.info({ url: `http://${config.host}:${port}`, database: db.kind, redis: Boolean(fanout) }, 'Rasd is listening');
  const simulator = config.simulator ? startSimulator(app.ingest, app.social, log) : null;
  const patrolSimulator = config.simulator ? await startPatrolSimulator(app.patrol, log, { firstUnitKey: config.simulatorUnitKey }) : null;

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping: draining requests, then closing sockets');
    // A drain that hangs (a stuck database call) must not keep the unit from stopping.
    setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(1);
    }, (config.shutdownDelayS + config.drainTimeoutS + 10) * 1000).unref();
    simulator?.stop();
    patrolSimulator?.stop();
    const drained = await app.close();
    await fanout?.close();
    await db.close();
    log.info({ drained }, 'stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}
