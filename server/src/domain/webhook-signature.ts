import { createHmac, timingSafeEqual } from 'node:crypto';

export const signatureHeader = 'x-rasd-signature';
/** A receiver refuses a signature older than this: a captured request cannot be replayed later. */
export const signatureToleranceS = 300;

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, as receivers check it. */
export function signPayload(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

/** The receiver's check: right key, untouched body, fresh timestamp. */
export function verifySignature(secret: string, body: string, header: string, now: Date): boolean {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !parts.v1 || Math.abs(now.getTime() / 1000 - t) > signatureToleranceS) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.${body}`).digest('hex'));
  const given = Buffer.from(parts.v1);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Exponential backoff from `baseMs`, capped at five minutes. */
export function retryDelayMs(consecutiveFailures: number, baseMs: number): number {
  return Math.min(300_000, baseMs * 2 ** Math.max(0, consecutiveFailures - 1));
}
