import { AppError } from '../errors';

/** Seconds a client should wait before retrying while the database is away (a restart takes a few). */
export const databaseRetryAfterS = 2;

// Node's socket errors when the server is down, restarting or unreachable.
const socketCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
// SQLSTATEs of a server that is shutting down, starting up or refusing connections.
const serverCodes = new Set(['57P01', '57P02', '57P03', '53300']);
// node-postgres reports a dropped connection or a connect timeout with a message and no code.
const clientMessages = /Connection terminated|not queryable|timeout exceeded when trying to connect|connection timeout/i;

/**
 * True when an error means "the database cannot be reached right now" rather than "this query is
 * wrong": the answer is then 503 with Retry-After, so a camera gateway retries the same eventId.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (socketCodes.has(code) || serverCodes.has(code) || code.startsWith('08'))) return true;
  return typeof message === 'string' && clientMessages.test(message);
}

/** Rethrows a connection failure as the contract's 503 `unavailable`; any other error unchanged. */
export function asUnavailable(error: unknown): unknown {
  if (!isDatabaseUnavailable(error)) return error;
  return new AppError('unavailable', 'the database is unavailable; retry shortly', undefined, databaseRetryAfterS);
}
