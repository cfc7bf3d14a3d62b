import { mkdir } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { serialize } from 'pg-protocol';
import pgUtils from 'pg/lib/utils.js';
import type { PgliteAnswer, PgliteOutcome, PgliteRequest, PgliteStatement, PgliteWorkerData } from './pglite-protocol';

interface Field {
  name: string;
  dataTypeID: number;
}

type Message = { name: string; fields?: unknown[]; text?: string };

const maxStatements = 200;

type Result = { rows: unknown[]; tag: string | null } | { error: Record<string, unknown> };

const beginStatement: PgliteStatement = { sql: 'BEGIN', params: [] };
const commitStatement: PgliteStatement = { sql: 'COMMIT', params: [] };

/**
 * The embedded database's own thread: it owns the files under `dataDir` and answers one request
 * at a time, in the order they came (the connection's order, which keeps a transaction together).
 *
 * A request's statements go to PGlite as one protocol message (bind, describe and execute for each,
 * one sync), each to a statement prepared the first time its text is seen, rather than through
 * `PGlite.query`, which makes six calls into WebAssembly for every statement, parsing, planning and
 * describing it each time to learn the parameters' types. Parameters are written as text the way
 * node-postgres writes them for a PostgreSQL server (`prepareValue`), so both databases see the same
 * values from the same repository code; results are read with PGlite's own type parsers.
 */
async function serve(port: NonNullable<typeof parentPort>, { dataDir }: PgliteWorkerData) {
  await mkdir(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir);
  // A new 16 MB WAL segment is otherwise zero-filled through the emulated file system while a
  // COMMIT waits: ~45 ms every few seconds under a stream (bench section 2). PostgreSQL's own
  // setting for file systems where zero-filling buys nothing; WAL records carry their own checksums.
  await pg.exec('SET wal_init_zero = off');

  // Named statements, so a statement run again skips parsing and planning; the least recently used
  // is closed when there are too many (multi-row writes differ in text by their number of rows).
  const statements = new Map<string, string>();
  let named = 0;

  /** Runs statements in order, each answering on its own, in as few passes through PGlite as errors allow. */
  async function runAll(list: readonly PgliteStatement[]): Promise<Result[]> {
    const results: Result[] = [];
    while (results.length < list.length) {
      const answered = await pipeline(list.slice(results.length));
      if (answered.length === 0) throw new Error('the embedded database answered none of the statements sent');
      results.push(...answered);
    }
    return results;
  }

  /**
   * Sends statements in one message (one pass through PGlite's main loop instead of one per
   * statement), a statement's Parse with it the first time its text is seen, one Sync at the end.
   * PostgreSQL skips the rest of the message after an error: the answer stops at the statement that
   * failed, and runAll sends the rest again, so each gets PostgreSQL's own answer (in a transaction,
   * "current transaction is aborted").
   */
  async function pipeline(list: readonly PgliteStatement[]): Promise<Result[]> {
    // Closes go first, where no earlier error can make PostgreSQL skip them.
    const closes: Buffer[] = [];
    const parts: Buffer[] = [];
    const parsing = new Map<number, string>();
    list.forEach(({ sql, params }, i) => {
      let name = statements.get(sql);
      if (name === undefined) {
        if (statements.size >= maxStatements) {
          const [oldest, oldName] = statements.entries().next().value!;
          statements.delete(oldest);
          closes.push(serialize.close({ type: 'S', name: oldName }));
        }
        name = `s${++named}`;
        parsing.set(i, name);
        parts.push(serialize.parse({ name, text: sql }));
      } else statements.delete(sql);
      // Set (again) last: the most recently used is the last to be closed.
      statements.set(sql, name);
      parts.push(serialize.bind({ statement: name, values: params as unknown[], valueMapper: pgUtils.prepareValue }), serialize.describe({ type: 'P' }), serialize.execute());
    });
    const { messages } = await pg.execProtocol(Buffer.concat([...closes, ...parts, serialize.sync()]), { syncToFs: false, throwOnError: false });
    const results = resultsOf(messages as Message[]);
    // A statement PostgreSQL did not parse (refused, or skipped after an error) was never created.
    for (const [i, name] of parsing) if (!results.parsed.has(i) && statements.get(list[i]!.sql) === name) statements.delete(list[i]!.sql);
    return results.list;
  }

  function resultsOf(messages: readonly Message[]): { list: Result[]; parsed: Set<number> } {
    const list: Result[] = [];
    const parsed = new Set<number>();
    let fields: Field[] = [];
    let rows: unknown[] = [];
    for (const message of messages) {
      switch (message.name) {
        case 'parseComplete':
          parsed.add(list.length);
          break;
        case 'rowDescription':
          fields = message.fields as Field[];
          break;
        case 'dataRow':
          rows.push(rowOf(fields, message.fields as (string | null)[]));
          break;
        case 'commandComplete':
        case 'emptyQuery':
          list.push({ rows, tag: message.text ?? null });
          fields = [];
          rows = [];
          break;
        case 'error':
          list.push({ error: errorFields(message) });
          break;
      }
    }
    return { list, parsed };
  }

  function rowOf(fields: readonly Field[], values: readonly (string | null)[]): Record<string, unknown> {
    const row: Record<string, unknown> = {};
    values.forEach((value, i) => {
      const { name, dataTypeID } = fields[i]!;
      const parse = pg.parsers[dataTypeID];
      row[name] = value === null ? null : parse ? parse(value, dataTypeID) : value;
    });
    return row;
  }

  async function simple(sql: string): Promise<string | null> {
    const { messages } = await pg.execProtocol(serialize.query(sql), { syncToFs: false });
    return (messages as Message[]).find((m) => m.name === 'commandComplete')?.text ?? null;
  }

  async function answer(request: PgliteRequest): Promise<PgliteAnswer> {
    try {
      const outcome = await perform(request);
      if (request.sync) await pg.syncToFs();
      return { id: request.id, ...outcome };
    } catch (error) {
      return { id: request.id, error: errorFields(error) };
    }
  }

  async function perform(request: PgliteRequest): Promise<Omit<PgliteAnswer, 'id'>> {
    switch (request.op) {
      case 'run': {
        const { statements: own, begin, commit } = request;
        const results = await runAll([...(begin ? [beginStatement] : []), ...own, ...(commit ? [commitStatement] : [])]);
        const outcomes = results.slice(begin ? 1 : 0).slice(0, own.length).map((r): PgliteOutcome => ('error' in r ? r : { rows: r.rows }));
        if (!commit) return { outcomes };
        // A COMMIT that failed fails the request: its fields go back as they came.
        const committed = results.at(-1)!;
        return 'error' in committed ? { outcomes, error: committed.error } : { outcomes, commandTag: committed.tag };
      }
      case 'simple':
        return { commandTag: await simple(request.sql) };
      case 'close':
        await pg.close();
        return {};
    }
  }

  let tail: Promise<unknown> = Promise.resolve();
  port.on('message', (request: PgliteRequest) => {
    tail = tail.then(async () => {
      const reply = await answer(request);
      try {
        port.postMessage(reply);
      } catch (error) {
        // A result that cannot cross to the main thread still answers, as an error.
        port.postMessage({ id: request.id, error: errorFields(error) } satisfies PgliteAnswer);
      }
      if (request.op === 'close') port.close();
    });
  });
  port.postMessage({ id: 0 } satisfies PgliteAnswer);
}

/** What crosses the thread boundary of an error: its message and PostgreSQL's fields (code, detail, constraint…). */
function errorFields(error: unknown): Record<string, unknown> {
  if (typeof error !== 'object' || error === null) return { message: String(error) };
  const fields: Record<string, unknown> = { message: (error as Error).message };
  for (const [key, value] of Object.entries(error)) if (value === null || typeof value !== 'object') fields[key] = value;
  return fields;
}

serve(parentPort!, workerData as PgliteWorkerData).catch((error: unknown) => {
  parentPort!.postMessage({ id: 0, error: errorFields(error) } satisfies PgliteAnswer);
});
