import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { AppError } from '../errors';

/** Every failure leaves as the contract's JSON error shape. */
export function errorMiddleware(log: Logger) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const appError = toAppError(error);
    if (appError.status >= 500) log.error({ err: error, path: req.path }, 'request failed');
    res.status(appError.status).json(appError.toBody());
  };
}

function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const e = error as { type?: string; status?: number };
  // body-parser's own errors: too large, malformed JSON, unsupported charset.
  if (e.type === 'entity.too.large') return new AppError('payload_too_large', 'the body is larger than 256 KiB');
  if (e.type === 'entity.parse.failed') return new AppError('invalid_input', 'the body is not valid JSON', [{ path: '', message: 'malformed JSON' }]);
  if (e.status && e.status >= 400 && e.status < 500) return new AppError('invalid_input', 'the request could not be read');
  return new AppError('internal', 'internal error');
}
