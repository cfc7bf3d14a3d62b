import { afterFinish, assertCommitted, type Database, type Transaction } from './database';
import { errorOf, type PgliteAnswer, type PgliteOp, type PgliteOutcome, type PgliteStatement } from './pglite-protocol';

/** Sends one operation to whatever runs PGlite, and answers with its answer (an answer's `error` thrown). */
export type PgliteRequester = (op: PgliteOp) => Promise<PgliteAnswer>;

/** The SQL side of a Database over PGlite, and the queue it keeps its operations in. */
export type PgliteSession = Pick<Database, 'query' | 'transaction' | 'exec'> & {
  /** Runs `fn` when everything queued before it is done, and holds what is queued after it until it is. */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
};

/**
 * A Database's queries and transactions over PGlite's requests, the same whether the requests cross
 * to the database's thread (pglite.ts) or are answered in it (a procedure's own database).
 */
export function pgliteSession(request: PgliteRequester): PgliteSession {
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
   * several) go as one request, BEGIN with the first, and `finish` takes COMMIT with the last: across
   * threads each request is a hand-off, 0.1–0.3 ms there and back in the server on these machines
   * (bench/README.md, sixth session); in PGlite's own thread, one pass through its main loop.
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
    exclusive,
    query: <T>(sql: string, params: readonly unknown[] = []) =>
      exclusive(async () => rowsOf<T>((await request({ op: 'run', statements: [{ sql, params }], sync: true })).outcomes![0]!)),
    transaction: (fn) => exclusive(() => inTransaction(fn)),
    exec: (sql) => exclusive(async () => void (await simple(sql, true))),
  };
}
