import { describe, expect, it } from 'vitest';
import { retryDelayMs, signPayload, verifySignature } from './webhook-signature';

describe('webhook signatures', () => {
  const at = new Date('2026-11-27T20:00:00Z');
  const body = '{"event":"incident.created"}';

  it('verifies with the right secret and an untouched body', () => {
    const header = signPayload('s3cret', body, at);
    expect(header).toMatch(/^t=1795809600,v1=[0-9a-f]{64}$/);
    expect(verifySignature('s3cret', body, header, at)).toBe(true);
  });

  it('refuses another secret, a changed body, and a replay after five minutes', () => {
    const header = signPayload('s3cret', body, at);
    expect(verifySignature('other', body, header, at)).toBe(false);
    expect(verifySignature('s3cret', body.replace('created', 'closed'), header, at)).toBe(false);
    expect(verifySignature('s3cret', body, header, new Date(at.getTime() + 301_000))).toBe(false);
    expect(verifySignature('s3cret', body, 'garbage', at)).toBe(false);
  });

  it('backs off exponentially up to five minutes', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 1000))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(30, 1000)).toBe(300_000);
  });
});
