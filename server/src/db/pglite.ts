import { Worker } from 'node:worker_threads';
import { assertCommitted, type Database, type Queryable } from './database';
import type { PgliteAnswer, PgliteOp, PgliteRequest, PgliteWorkerData } from './pglite-protocol';

function startWorker(dataDir: string): Worker {
  return new Worker(new URL('./pglite-worker-boot.mjs', import.meta.url), { workerData: { dataDir } satisfies PgliteWorkerData });
}

/** An error from the database thread, with PostgreSQL's fields (code, detail, constraint…) as they were. */
function errorOf(fields: Record<string, unknown>): Error {
  return Object.assign(new Error(String(fields.message)), fields);
}

export interface PgliteOptions {
  /** Called once if the database's thread dies after it opened (not on close): every call after it fails. */
  onFailure?: (error: Error) => void;
}

/**
 * The embedded database: one process owns the files under `dataDir`, and PGlite runs in a thread of
 * its own (pglite-worker.ts), so parsing, planning and executing SQL in WebAssembly (a third of the
 * server's time under a stream of detections) never holds up HTTP answers and live frames.
 */
export function openPglite(dataDir: string, options: PgliteOptions = {}): Promise<Database> {
  return databaseOverThread(startWorker(dataDir), options);
}

/** The Database over a thread that answers pglite-protocol requests (a test may stand in its own). */
export async function databaseOverThread(worker: Worker, { onFailure }: PgliteOptions = {}): Promise<Database> {
  const pending = new Map<number, { resolve: (answer: PgliteAnswer) => void; reject: (error: Error) => void }>();
  let stopped: Error | null = null;
  // A thread that fails to open is the caller's error, and one that stops on close is no failure.
  let ready = false;
  let closing = false;
  let nextId = 1;

  const opened = new Promise<void>((resolve, reject) => {
    pending.set(0, { resolve: (answer) => (answer.error ? reject(errorOf(answer.error)) : resolve()), reject });
  });
  worker.on('message', (answer: PgliteAnswer) => {
    const waiting = pending.get(answer.id);
    pending.delete(answer.id);
    // Idle, the thread must not keep the process alive; waiting on an answer, it must.
    if (pending.size === 0) worker.unref();
    waiting?.resolve(answer);
  });
  const stop = (error: Error) => {
    const first = !stopped;
    stopped ??= error;
    for (const { reject } of pending.values()) reject(stopped);
    pending.clear();
    if (first && ready && !closing) onFailure?.(stopped);
  };
  worker.on('error', stop);
  worker.on('exit', (code) => stop(new Error(`the embedded database stopped (thread exit ${code})`)));

  function request(op: PgliteOp): Promise<PgliteAnswer> {
    if (stopped) return Promise.reject(stopped);
    const id = nextId++;
    return new Promise<PgliteAnswer>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ ...op, id } satisfies PgliteRequest);
    }).then((answer) => {
      if (answer.error) throw errorOf(answer.error);
      return answer;
    });
  }

  await opened.catch(async (error: unknown) => {
    await worker.terminate();
    throw error;
  });
  ready = true;

  // PGlite runs one statement at a time; this chain also keeps a transaction's statements together.
  let tail: Promise<unknown> = Promise.resolve();
  function exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = tail.then(fn);
    tail = run.catch(() => undefined);
    return run;
  }

  const run = async <T>(sql: string, params: readonly unknown[], how: { sync?: boolean; begin?: boolean }) =>
    (await request({ op: 'run', sql, params, ...how })).rows as T[];
  const simple = async (sql: string, sync = false) => (await request({ op: 'simple', sql, sync })).commandTag;

  return {
    kind: 'pglite',
    query: <T>(sql: string, params: readonly unknown[] = []) => exclusive(() => run<T>(sql, params, { sync: true })),
    transaction: (fn) =>
      exclusive(async () => {
        // BEGIN goes with the first statement: one round trip to the database's thread fewer.
        let begun = false;
        const tx: Queryable = {
          query: (sql, params = []) => {
            const begin = !begun;
            begun = true;
            return run(sql, params, { begin });
          },
        };
        try {
          const result = await fn(tx);
          if (begun) assertCommitted(await simple('COMMIT', true));
          return result;
        } catch (error) {
          if (begun) await simple('ROLLBACK', true).catch(() => undefined);
          throw error;
        }
      }),
    exec: (sql) => exclusive(async () => void (await simple(sql, true))),
    close: () =>
      exclusive(async () => {
        closing = true;
        // A thread that already stopped has nothing left to close.
        if (!stopped) await request({ op: 'close' });
        await worker.terminate();
      }),
  };
}
