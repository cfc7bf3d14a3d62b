import type { NextFunction, Request, Response } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../errors';
import { senderOf } from './auth.middleware';

/** Per ingest key, per second: a runaway gateway is answered 429 instead of crowding out the others. */
export function ingestRateLimit(perSecond: number) {
  const limiter = new RateLimiterMemory({ points: perSecond, duration: 1 });
  return async (_req: Request, res: Response, next: NextFunction) => {
    try {
      await limiter.consume(senderOf(res));
    } catch (error) {
      if (error instanceof RateLimiterRes) throw new AppError('too_many_requests', `more than ${perSecond} alerts per second from this key`, undefined, error.msBeforeNext / 1000);
      throw error;
    }
    next();
  };
}
