import { describe, expect, it } from 'vitest';
import { validateVerdict } from './verify-form';

describe('validateVerdict', () => {
  it('refuses a rejection without a reason', () => {
    expect(validateVerdict('rejected', '   ')).toEqual({ request: null, error: 'reasonRequired' });
  });

  it('sends a rejection with its trimmed reason', () => {
    expect(validateVerdict('rejected', ' old video from 2023 ').request).toEqual({ verdict: 'rejected', reason: 'old video from 2023' });
  });

  it('sends a verification with or without a reason', () => {
    expect(validateVerdict('verified', '').request).toEqual({ verdict: 'verified' });
    expect(validateVerdict('verified', 'matches camera RR-N-017').request).toEqual({ verdict: 'verified', reason: 'matches camera RR-N-017' });
  });

  it('refuses a reason over the shared limit', () => {
    expect(validateVerdict('rejected', 'x'.repeat(1001)).error).toBe('tooLong');
  });
});
