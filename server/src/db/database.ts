/** The SQL both PGlite and PostgreSQL speak; the repositories see only this. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

/** A transaction's connection. */
export interface Transaction extends Queryable {
  /**
   * Runs the transaction's last statement and commits with it: for the embedded database, one
   * hand-off to its thread instead of two. Throws if the transaction did not commit. Nothing may
   * follow it; a transaction that never calls it commits when its callback returns.
   */
  finish<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Runs several statements at once (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

/** PostgreSQL's unique_violation. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';
}

/**
 * Throws if COMMIT answered with the ROLLBACK tag: PostgreSQL's answer (no error) for a transaction
 * whose failed statement the callback caught and passed over. Nothing was written.
 */
export function assertCommitted(commandTag: string | null | undefined): void {
  if (commandTag === 'ROLLBACK') throw new Error('Transaction was rolled back instead of committed');
}

/** The error of a statement sent after a transaction's `finish`. */
export function afterFinish(): Error {
  return new Error('the transaction has finished: no statement may follow finish()');
}
