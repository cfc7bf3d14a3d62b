import { describe, expect, it } from 'vitest';
import ar from './ar.json';
import en from './en.json';
import { i18n } from './index';

const pluralSuffix = /_(zero|one|two|few|many|other)$/;

function keysOf(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (v && typeof v === 'object' ? keysOf(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

const baseKeys = (tree: object) => new Set(keysOf(tree).map((k) => k.replace(pluralSuffix, '')));
const pluralBases = [...new Set(keysOf(ar).concat(keysOf(en)).filter((k) => pluralSuffix.test(k)).map((k) => k.replace(pluralSuffix, '')))];

describe('translation catalogues', () => {
  it('have the same keys in Arabic and English (plural forms aside)', () => {
    expect([...baseKeys(ar)].sort()).toEqual([...baseKeys(en)].sort());
  });

  it.each(['ar', 'en'] as const)('give every counted text a form for every count in %s', (language) => {
    const t = i18n.getFixedT(language);
    for (const key of pluralBases) {
      for (const count of [0, 1, 2, 3, 11, 100]) {
        const text = t(key, { count, n: String(count), defaultValue: '' });
        expect(text, `${key} (${count})`).not.toBe('');
        expect(text, `${key} (${count})`).not.toContain('{{');
      }
    }
  });

  it('agree the noun with the count', () => {
    const seenBy = (language: 'ar' | 'en', count: number) => i18n.getFixedT(language)('track.seenBy', { count, n: String(count) });
    expect(seenBy('en', 1)).toBe('Seen by 1 camera');
    expect(seenBy('en', 3)).toBe('Seen by 3 cameras');
    expect(seenBy('ar', 1)).toBe('رصدتها كاميرا واحدة');
    expect(seenBy('ar', 2)).toBe('رصدتها كاميرتان');
    expect(seenBy('ar', 3)).toBe('رصدتها 3 كاميرات');
    expect(seenBy('ar', 11)).toBe('رصدتها 11 كاميرا');
  });
});
