import { afterEach, describe, expect, it } from 'vitest';
import { formatCairoClock } from './clock';
import { setCurrentNumerals } from './numerals';

afterEach(() => setCurrentNumerals('auto'));

describe('formatCairoClock', () => {
  const at = new Date('2026-11-22T21:05:09Z');

  it('shows Cairo time, not the browser zone', () => {
    expect(formatCairoClock(at, 'en').time).toBe('23:05:09');
    expect(formatCairoClock(at, 'en').date).toBe('Sunday 22 November');
  });

  it('writes Arabic digits and names in Arabic, Latin digits when chosen', () => {
    expect(formatCairoClock(at, 'ar').time).toBe('٢٣:٠٥:٠٩');
    expect(formatCairoClock(at, 'ar').date).toContain('نوفمبر');
    setCurrentNumerals('latn');
    expect(formatCairoClock(at, 'ar').time).toBe('23:05:09');
  });
});
