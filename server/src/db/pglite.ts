import { Worker } from 'node:worker_threads';
import type { Database } from './database';
import { defaultCheckpointPolicy, startCheckpoints, type CheckpointEvent, type CheckpointPolicy } from './pglite-checkpoints';
import { errorOf, type PgliteAnswer, type PgliteOp, type PgliteRequest, type PgliteWorkerData } from './pglite-protocol';
import { pgliteSession } from './pglite-session';

function startWorker(workerData: PgliteWorkerData): Worker {
  return new Worker(new URL('./pglite-worker-boot.mjs', import.meta.url), { workerData });
}

export interface PgliteOptions {
  /** Called once if the database's thread dies after it opened (not on close): every call after it fails. */
  onFailure?: (error: Error) => void;
  checkpoints?: CheckpointPolicy;
  /** Each checkpoint taken, or why one failed. */
  onCheckpoint?: (event: CheckpointEvent) => void;
  /** A module exporting `procedures` (PgliteProcedures) for `call` to run in the database's thread. */
  procedures?: URL;
}

/**
 * The embedded database: one process owns the files under `dataDir`, and PGlite runs in a thread of
 * its own (pglite-worker.ts), so parsing, planning and executing SQL in WebAssembly (a third of the
 * server's time under a stream of detections) never holds up HTTP answers and live frames.
 */
export async function openPglite(dataDir: string, options: PgliteOptions = {}): Promise<Database> {
  const db = await databaseOverThread(startWorker({ dataDir, procedures: options.procedures?.href }), options);
  const stopCheckpoints = startCheckpoints(db, options.checkpoints ?? defaultCheckpointPolicy, options.onCheckpoint);
  return {
    ...db,
    close: () => {
      stopCheckpoints();
      return db.close();
    },
  };
}

/** The Database over a thread that answers pglite-protocol requests (a test may stand in its own). */
export async function databaseOverThread(worker: Worker, { onFailure, procedures }: PgliteOptions = {}): Promise<Database> {
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

  const { exclusive, query, transaction, exec } = pgliteSession(request);
  return {
    kind: 'pglite',
    query,
    transaction,
    exec,
    // In the queue like a transaction: the thread must not run it between another's statements.
    ...(procedures ? { call: <R>(procedure: string, args: unknown) => exclusive(async () => (await request({ op: 'call', procedure, args })).result as R) } : {}),
    close: () =>
      exclusive(async () => {
        closing = true;
        // A thread that already stopped has nothing left to close.
        if (!stopped) await request({ op: 'close' });
        await worker.terminate();
      }),
  };
}
