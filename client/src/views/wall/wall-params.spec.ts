import { describe, expect, it } from 'vitest';
import { parseWallParams } from './wall-params';

describe('parseWallParams', () => {
  it('reads language, numerals and sound from the address', () => {
    expect(parseWallParams('?lang=en&numerals=latn&sound=off')).toEqual({ language: 'en', numerals: 'latn', muted: true });
  });

  it('ignores what it does not know', () => {
    expect(parseWallParams('?lang=fr&numerals=roman&sound=loud')).toEqual({ language: null, numerals: null, muted: false });
    expect(parseWallParams('')).toEqual({ language: null, numerals: null, muted: false });
  });
});
