import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { serialize } from 'pg-protocol';
import pgUtils from 'pg/lib/utils.js';
import { assertCommitted, type Database, type Queryable } from './database';

interface Field {
  name: string;
  dataTypeID: number;
}

type Message = { name: string; fields?: unknown[] };

const maxStatements = 200;

/**
 * The embedded database: one process owns the files under `dataDir`.
 *
 * Each statement goes to PGlite as one protocol message (bind, describe, execute, sync) to a
 * statement prepared the first time its text is seen, rather than through `PGlite.query`, which
 * makes six calls into WebAssembly for every statement, parsing, planning and describing it each
 * time to learn the parameters' types. Parameters are written as text the way
 * node-postgres writes them for a PostgreSQL server (`prepareValue`), so both databases see the same
 * values from the same repository code; results are read with PGlite's own type parsers.
 */
export async function openPglite(dataDir: string): Promise<Database> {
  await mkdir(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir);
  // A new 16 MB WAL segment is otherwise zero-filled through the emulated file system while a
  // COMMIT waits: ~45 ms every few seconds under a stream (bench section 2). PostgreSQL's own
  // setting for file systems where zero-filling buys nothing; WAL records carry their own checksums.
  await pg.exec('SET wal_init_zero = off');

  // PGlite runs one statement at a time; this chain also keeps a transaction's statements together.
  let tail: Promise<unknown> = Promise.resolve();
  function exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = tail.then(fn);
    tail = run.catch(() => undefined);
    return run;
  }

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

  async function run<T>(sql: string, params: readonly unknown[]): Promise<T[]> {
    const message = Buffer.concat([
      serialize.bind({ statement: await statementFor(sql), values: params as unknown[], valueMapper: pgUtils.prepareValue }),
      serialize.describe({ type: 'P' }),
      serialize.execute(),
      serialize.sync(),
    ]);
    const { messages } = await pg.execProtocol(message, { syncToFs: false });
    return rowsOf<T>(messages as Message[]);
  }

  function rowsOf<T>(messages: readonly Message[]): T[] {
    let fields: Field[] = [];
    const rows: T[] = [];
    for (const message of messages) {
      if (message.name === 'rowDescription') fields = message.fields as Field[];
      else if (message.name === 'dataRow') {
        const row: Record<string, unknown> = {};
        (message.fields as (string | null)[]).forEach((value, i) => {
          const { name, dataTypeID } = fields[i]!;
          const parse = pg.parsers[dataTypeID];
          row[name] = value === null ? null : parse ? parse(value, dataTypeID) : value;
        });
        rows.push(row as T);
      }
    }
    return rows;
  }

  const simple = (sql: string) => pg.execProtocol(serialize.query(sql), { syncToFs: false });

  return {
    kind: 'pglite',
    query: <T>(sql: string, params: readonly unknown[] = []) =>
      exclusive(async () => {
        const rows = await run<T>(sql, params);
        await pg.syncToFs();
        return rows;
      }),
    transaction: (fn) =>
      exclusive(async () => {
        await simple('BEGIN');
        const tx: Queryable = { query: (sql, params = []) => run(sql, params) };
        try {
          const result = await fn(tx);
          const { messages } = await simple('COMMIT');
          assertCommitted((messages as { name: string; text?: string }[]).find((m) => m.name === 'commandComplete')?.text);
          return result;
        } catch (error) {
          await simple('ROLLBACK').catch(() => undefined);
          throw error;
        } finally {
          await pg.syncToFs();
        }
      }),
    exec: (sql) =>
      exclusive(async () => {
        await simple(sql);
        await pg.syncToFs();
      }),
    close: () => exclusive(() => pg.close()),
  };
}
