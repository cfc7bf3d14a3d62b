import type { z } from 'zod';
import { issuesToDetails } from '@rasd/shared';
import { AppError } from '../errors';

/** Parses untrusted input or throws the contract's 400 with one detail per bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new AppError('invalid_input', 'the request is not valid', issuesToDetails(result.error.issues));
  }
  return result.data;
}
