import { Worker } from 'node:worker_threads';
import { afterFinish, assertCommitted, type Database, type Transaction } from './database';
import { defaultCheckpointPolicy, startCheckpoints, type CheckpointEvent, type CheckpointPolicy } from './pglite-checkpoints';
import type { PgliteAnswer, PgliteOp, PgliteOutcome, PgliteRequest, PgliteStatement, PgliteWorkerData } from './pglite-protocol';

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
  checkpoints?: CheckpointPolicy;
  /** Each checkpoint taken, or why one failed. */
  onCheckpoint?: (event: CheckpointEvent) => void;
}

/**
 * The embedded database: one process owns the files under `dataDir`, and PGlite runs in a thread of
 * its own (pglite-worker.ts), so parsing, planning and executing SQL in WebAssembly (a third of the
 * server's time under a stream of detections) never holds up HTTP answers and live frames.
 */
export async function openPglite(dataDir: string, options: PgliteOptions = {}): Promise<Database> {
  const db = await databaseOverThread(startWorker(dataDir), options);
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

  const simple = async (sql: string, sync = false) => (await request({ op: 'simple', sql, sync })).commandTag;
  const rowsOf = <T>(outcome: PgliteOutcome): T[] => {
    if (outcome.error) throw errorOf(outcome.error);
    return outcome.rows as T[];
  };

  /**
   * A transaction's statements. Those sent in one turn of the event loop (a `Promise.all` of
   * several) go to the thread in one request, BEGIN with the first, and `finish` takes COMMIT with
   * the last: each request is a hand-off between threads, 0.1–0.3 ms there and back in the server
   * on these machines (bench/README.md, sixth session).
   */
  async function inTransaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    type Queued = { statement: PgliteStatement; resolve: (outcome: PgliteOutcome) => void; reject: (error: unknown) => void };
    let queued: Queued[] = [];
    // Asserted, not annotated: the callbacks below change it where the compiler cannot see.
    let state = 'idle' as 'idle' | 'open' | 'ended';

    function send(commit: boolean): Promise<PgliteAnswer> {
      const batch = queued;
      queued = [];
      const begin = state === 'idle';
      state = commit ? 'ended' : 'open';
      const answer = request({ op: 'run', statements: batch.map((q) => q.statement), begin, commit, sync: commit });
      answer.then(
        ({ outcomes }) => batch.forEach((q, i) => q.resolve(outcomes![i]!)),
        (error: unknown) => batch.forEach((q) => q.reject(error)),
      );
      return answer;
    }
    function enqueue(sql: string, params: readonly unknown[]): Promise<PgliteOutcome> {
      if (state === 'ended') return Promise.reject(afterFinish());
      return new Promise((resolve, reject) => {
        queued.push({ statement: { sql, params }, resolve, reject });
        if (queued.length === 1) queueMicrotask(() => queued.length > 0 && state !== 'ended' && void send(false));
      });
    }

    const tx: Transaction = {
      query: async <R>(sql: string, params: readonly unknown[] = []) => rowsOf<R>(await enqueue(sql, params)),
      async finish<R>(sql: string, params: readonly unknown[] = []) {
        if (state === 'ended') throw afterFinish();
        const [outcome, answer] = await Promise.all([enqueue(sql, params), send(true)]);
        // The statement's own error first: after it, COMMIT answers ROLLBACK.
        const rows = rowsOf<R>(outcome);
        assertCommitted(answer.commandTag);
        return rows;
      },
    };
    try {
      const result = await fn(tx);
      if (state !== 'ended' && (state === 'open' || queued.length > 0)) assertCommitted((await send(true)).commandTag);
      return result;
    } catch (error) {
      // Statements the callback left unsent are dropped with it, never sent after the ROLLBACK.
      const unsent = queued;
      queued = [];
      for (const q of unsent) q.reject(error);
      if (state === 'open') await simple('ROLLBACK', true).catch(() => undefined);
      state = 'ended';
      throw error;
    }
  }

  return {
    kind: 'pglite',
    query: <T>(sql: string, params: readonly unknown[] = []) =>
      exclusive(async () => rowsOf<T>((await request({ op: 'run', statements: [{ sql, params }], sync: true })).outcomes![0]!)),
    transaction: (fn) => exclusive(() => inTransaction(fn)),
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
