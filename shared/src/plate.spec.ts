import { describe, expect, it } from 'vitest';
import { normalisePlate } from './plate';

describe('normalisePlate', () => {
  it.each([
    ['ق ص ب ١٢٣٤', 'ق ص ب ١٢٣٤'],
    ['قصب1234', 'ق ص ب ١٢٣٤'],
    ['ق-ص-ب ۱۲۳۴', 'ق ص ب ١٢٣٤'],
    ['1234 قصب', 'ق ص ب ١٢٣٤'],
    ['ر ل 556', 'ر ل ٥٥٦'],
    ['إ ي ٧', 'أ ى ٧'],
  ])('%s → %s', (input, expected) => {
    expect(normalisePlate(input)).toBe(expected);
  });

  it.each(['', 'ABC 123', 'ق ص ب ع ١٢', 'قصب', 'ق ١٢٣٤٥', '<script>'])('refuses %s', (input) => {
    expect(normalisePlate(input)).toBeNull();
  });
});
