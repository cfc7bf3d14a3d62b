import type { Database } from './database';

/** What the main thread and the embedded database's thread (pglite-worker.ts) say to each other. */

export interface PgliteWorkerData {
  dataDir: string;
  /** The URL of a module exporting `procedures` (PgliteProcedures), which the thread runs on request. */
  procedures?: string;
}

/**
 * Work run inside the database's thread, each with a Database of its own there, whose statements
 * need no hand-off between threads; arguments and results cross by structured clone (plain data:
 * an Error loses its class and fields on the way).
 */
export type PgliteProcedures = Record<string, (db: Database, args: never) => Promise<unknown>>;

export interface PgliteStatement {
  sql: string;
  params: readonly unknown[];
}

/** `sync`: write PGlite's changed pages to disk after this request (a commit, or a statement outside a transaction). */
export type PgliteOp = { sync?: boolean } & (
  /**
   * Statements run in order, each answering on its own (one that fails does not stop the rest:
   * inside a transaction PostgreSQL refuses them itself). `begin`: open a transaction first (it
   * stays open for the requests that follow); `commit`: commit it after the statements.
   */
  | { op: 'run'; statements: readonly PgliteStatement[]; begin?: boolean; commit?: boolean }
  | { op: 'simple'; sql: string }
  /** Runs a procedure of the thread's module with its own database: its statements need no hand-off. */
  | { op: 'call'; procedure: string; args: unknown }
  | { op: 'close' }
);

/** An operation as sent: numbered, so its answer finds its caller. */
export type PgliteRequest = PgliteOp & { id: number };

/** A statement's rows, or its error: the message and PostgreSQL's fields (code, detail, constraint…). */
export type PgliteOutcome = { rows: unknown[]; error?: undefined } | { error: Record<string, unknown> };

/** Id 0 answers the start: the database is open (or failed to open, with `error`). */
export interface PgliteAnswer {
  id: number;
  /** 'run': one per statement, in order. */
  outcomes?: PgliteOutcome[];
  /** 'simple', and 'run' with `commit`: the command tag of the (last) command. */
  commandTag?: string | null;
  /** 'call': what the procedure returned. */
  result?: unknown;
  /** The request as a whole failed (for 'run' with `commit`: the COMMIT did). */
  error?: Record<string, unknown>;
}

/** What crosses the thread boundary of an error: its message and PostgreSQL's fields (code, detail, constraint…). */
export function errorFields(error: unknown): Record<string, unknown> {
  if (typeof error !== 'object' || error === null) return { message: String(error) };
  const fields: Record<string, unknown> = { message: (error as Error).message };
  for (const [key, value] of Object.entries(error)) if (value === null || typeof value !== 'object') fields[key] = value;
  return fields;
}

/** An error from the other thread, with PostgreSQL's fields (code, detail, constraint…) as they were. */
export function errorOf(fields: Record<string, unknown>): Error {
  return Object.assign(new Error(String(fields.message)), fields);
}
