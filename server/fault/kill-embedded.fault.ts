import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import getPort from 'get-port';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '../src/db/pglite';
import { startInstance, type Instance } from './support/cluster';
import { printFigures } from './support/figures';
import { Producer } from './support/producer';
import { checkStored } from './support/store-check';

const running: Instance[] = [];
let dataDir = '';
afterAll(async () => {
  await Promise.all(running.map((instance) => instance.stop()));
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('the single instance on its embedded database, killed in the middle of a stream', () => {
  it('comes back from its WAL on the same data directory with every 2xx stored once', async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'rasd-fault-embedded-'));
    const port = await getPort({ host: '127.0.0.1' });
    // Info logs: the checkpoints the instance took before it was killed.
    const start = (name: string) => startInstance(name, { dataDir }, { LOG_LEVEL: 'info' }, port);
    const first = await start('embedded');
    running.push(first);

    const checkpointsLogged = () => readFileSync(first.logFile, 'utf8').split('\n').filter((line) => line.includes('"embedded database checkpoint"')).length;

    // The gateway retries each unanswered detection (same eventId) until the instance is back.
    const producer = new Producer(() => [first.url], 'embedded');
    const total = 4000;
    let killedAfter = 0;
    let checkpointsBefore = 0;
    let restarted: Promise<Instance> | null = null;
    let restartMs = 0;
    await producer.run(total, {
      concurrency: 8,
      onAccepted: (n) => {
        // Killed once a checkpoint has been taken: recovery then starts from its redo point.
        if (killedAfter > 0 || n < 1500 || n % 50 !== 0) return;
        checkpointsBefore = checkpointsLogged();
        if (checkpointsBefore === 0) return;
        killedAfter = n;
        first.signal('SIGKILL');
        const killedAt = Date.now();
        restarted = first.exited.then(() => start('embedded-again')).then((instance) => {
          restartMs = Date.now() - killedAt;
          running.push(instance);
          return instance;
        });
      },
    });
    expect(restarted, 'no checkpoint logged before the stream ended').not.toBeNull();
    expect(await first.exited).toBeNull();
    const second = await restarted!;
    await second.stop();

    const db = await openPglite(path.join(dataDir, 'pglite'));
    const stored = await checkStored(db, producer, 'embedded').finally(() => db.close());
    printFigures('SIGKILL of the single instance on PGlite mid-stream (4,000 detections), restarted on the same DATA_DIR', {
      'killed after 2xx answers': killedAfter,
      'checkpoints it had taken': checkpointsBefore,
      'kill → ready again (ms)': restartMs,
      'producer outcomes': producer.outcomeSummary(),
      'embedded database': stored,
    });

    expect(producer.accepted.size).toBe(total);
    expect(stored).toEqual({ storedEvents: total, storedMoreThanOnce: 0, answered2xxButMissing: 0, answerIdMismatch: 0, storedWithout2xx: 0 });
  });
});
