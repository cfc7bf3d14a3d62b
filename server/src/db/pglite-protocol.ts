/** What the main thread and the embedded database's thread (pglite-worker.ts) say to each other. */

export interface PgliteWorkerData {
  dataDir: string;
}

/** `sync`: write PGlite's changed pages to disk after this request (a commit, or a statement outside a transaction). */
export type PgliteOp = { sync?: boolean } & (
  /** `begin`: open a transaction first (it stays open for the requests that follow). */
  | { op: 'run'; sql: string; params: readonly unknown[]; begin?: boolean }
  | { op: 'simple'; sql: string }
  | { op: 'close' }
);

/** An operation as sent: numbered, so its answer finds its caller. */
export type PgliteRequest = PgliteOp & { id: number };

/** Id 0 answers the start: the database is open (or failed to open, with `error`). */
export interface PgliteAnswer {
  id: number;
  rows?: unknown[];
  commandTag?: string | null;
  /** The error's message and PostgreSQL's fields (code, detail, constraint…). */
  error?: Record<string, unknown>;
}
