import { mkdir } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { serialize } from 'pg-protocol';
import pgUtils from 'pg/lib/utils.js';
import type { PgliteAnswer, PgliteRequest, PgliteWorkerData } from './pglite-protocol';

interface Field {
  name: string;
  dataTypeID: number;
}

type Message = { name: string; fields?: unknown[]; text?: string };

const maxStatements = 200;

/**
 * The embedded database's own thread: it owns the files under `dataDir` and answers one request
 * at a time, in the order they came (the connection's order, which keeps a transaction together).
 *
 * Each statement goes to PGlite as one protocol message (bind, describe, execute, sync) to a
 * statement prepared the first time its text is seen, rather than through `PGlite.query`, which
 * makes six calls into WebAssembly for every statement, parsing, planning and describing it each
 * time to learn the parameters' types. Parameters are written as text the way node-postgres writes
 * them for a PostgreSQL server (`prepareValue`), so both databases see the same values from the
 * same repository code; results are read with PGlite's own type parsers.
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
  async function statementFor(sql: string): Promise<string> {
    const known = statements.get(sql);
    if (known !== undefined) {
      statements.delete(sql);
      statements.set(sql, known);
      return known;
    }
    const name = `s${++named}`;
    const messages = [serialize.parse({ name, text: sql }), serialize.sync()];
    if (statements.size >= maxStatements) {
      // Closed first in the same message, so forgotten here even if the new statement is refused.
      const [oldest, oldName] = statements.entries().next().value!;
      statements.delete(oldest);
      messages.unshift(serialize.close({ type: 'S', name: oldName }));
    }
    // Parsed on its own, so a statement PostgreSQL refuses is never recorded as created.
    await pg.execProtocol(Buffer.concat(messages), { syncToFs: false });
    statements.set(sql, name);
    return name;
  }

  async function run(sql: string, params: readonly unknown[]): Promise<unknown[]> {
    const message = Buffer.concat([
      serialize.bind({ statement: await statementFor(sql), values: params as unknown[], valueMapper: pgUtils.prepareValue }),
      serialize.describe({ type: 'P' }),
      serialize.execute(),
      serialize.sync(),
    ]);
    const { messages } = await pg.execProtocol(message, { syncToFs: false });
    return rowsOf(messages as Message[]);
  }

  function rowsOf(messages: readonly Message[]): unknown[] {
    let fields: Field[] = [];
    const rows: unknown[] = [];
    for (const message of messages) {
      if (message.name === 'rowDescription') fields = message.fields as Field[];
      else if (message.name === 'dataRow') {
        const row: Record<string, unknown> = {};
        (message.fields as (string | null)[]).forEach((value, i) => {
          const { name, dataTypeID } = fields[i]!;
          const parse = pg.parsers[dataTypeID];
          row[name] = value === null ? null : parse ? parse(value, dataTypeID) : value;
        });
        rows.push(row);
      }
    }
    return rows;
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
      case 'run':
        if (request.begin) await simple('BEGIN');
        return { rows: await run(request.sql, request.params) };
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
