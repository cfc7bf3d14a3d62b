import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { AppError } from '../errors';

/** Every failure leaves as the contract's JSON error shape. */
export function errorMiddleware(log: Logger, onForbidden: (actor: string, attempt: { method: string; path: string; reason: string }) => Promise<unknown>) {
  return async (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const appError = toAppError(error);
    if (appError.status >= 500) log.error({ err: error, path: req.path }, 'request failed');
    // A logged-in user trying what their role or holding does not allow is a security event.
    const user = res.locals.user as { username: string } | undefined;
    if (appError.code === 'forbidden' && user) {
      await onForbidden(user.username, { method: req.method, path: req.path, reason: appError.message }).catch((err: unknown) => log.error({ err }, 'audit failed'));
    }
    if (appError.retryAfterS !== undefined) res.setHeader('Retry-After', String(Math.max(1, Math.ceil(appError.retryAfterS))));
    res.status(appError.status).json(appError.toBody());
  };
}

function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const e = error as { type?: string; status?: number };
  // body-parser's own errors: too large, malformed JSON, unsupported charset.
  if (e.type === 'entity.too.large') return new AppError('payload_too_large', 'the body is larger than 256 KiB');
  if (e.type === 'entity.parse.failed') return new AppError('invalid_input', 'the body is not valid JSON', [{ path: '', message: (error as Error).message }]);
  if (e.status && e.status >= 400 && e.status < 500) return new AppError('invalid_input', 'the request could not be read');
  return new AppError('internal', 'internal error');
}
