import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { asUnavailable, isDatabaseUnavailable } from './unavailable';

describe('database unavailability', () => {
  it('recognises a server that is down, restarting or unreachable', () => {
    for (const error of [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      Object.assign(new Error('the database system is starting up'), { code: '57P03' }),
      Object.assign(new Error('connection failure'), { code: '08006' }),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      new Error('Client has encountered a connection error and is not queryable'),
    ]) {
      expect(isDatabaseUnavailable(error), error.message).toBe(true);
    }
  });

  it('leaves query errors alone: they are not the database being away', () => {
    const unique = Object.assign(new Error('duplicate key'), { code: '23505' });
    expect(isDatabaseUnavailable(unique)).toBe(false);
    expect(asUnavailable(unique)).toBe(unique);
    expect(isDatabaseUnavailable(new Error('syntax error at or near "SELEC"'))).toBe(false);
  });

  it('turns unavailability into a 503 with Retry-After', () => {
    const error = asUnavailable(Object.assign(new Error('x'), { code: 'ECONNRESET' }));
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 503, code: 'unavailable', retryAfterS: 2 });
  });
});
