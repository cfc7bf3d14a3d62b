/** What the main thread and the embedded database's thread (pglite-worker.ts) say to each other. */

export interface PgliteWorkerData {
  dataDir: string;
}

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
  /** The request as a whole failed (for 'run' with `commit`: the COMMIT did). */
  error?: Record<string, unknown>;
}
