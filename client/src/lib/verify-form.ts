import { limits, verifyRequestSchema, type VerifyRequest } from '@rasd/shared';

export type Verdict = VerifyRequest['verdict'];

/** A rejection must say why (the server refuses it otherwise); a verification may. */
export function validateVerdict(verdict: Verdict, reason: string): { request: VerifyRequest | null; error: 'reasonRequired' | 'tooLong' | null } {
  const trimmed = reason.trim();
  if (verdict === 'rejected' && trimmed === '') return { request: null, error: 'reasonRequired' };
  if (trimmed.length > limits.reasonMax) return { request: null, error: 'tooLong' };
  const request = verifyRequestSchema.parse(trimmed ? { verdict, reason: trimmed } : { verdict });
  return { request, error: null };
}
