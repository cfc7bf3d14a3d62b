import { describe, expect, it } from 'vitest';
import { matchKey, normalise, normaliseChars, stripArticle, tokenKeys, tokenise } from './normalise';

describe('normaliseChars', () => {
  it.each([
    ['أحمد إبراهيم آمن ٱلله', 'احمد ابراهيم امن الله'],
    ['الدائرى مستشفى', 'الدايري مستشفي'],
    ['سيارة مدينة', 'سياره مدينه'],
    ['مسؤول مسئول', 'مسوول مسيول'],
    ['عَرَبِيَّةٌ مَاشْيَةٌ', 'عربيه ماشيه'],
    ['الـــدائـــري', 'الدايري'],
    ['قُرْآنٰ', 'قران'],
  ])('folds letter forms, diacritics and tatweel: %s', (input, want) => {
    expect(normaliseChars(input)).toBe(want);
  });

  it('turns Arabic-Indic and Persian digits into Latin ones', () => {
    expect(normaliseChars('٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹ ٤٨٫٥')).toBe('0123456789 0123456789 48.5');
  });

  it('collapses a letter stretched three or more times, in any script, but never digits', () => {
    expect(normaliseChars('عكسسسس الحقووووا')).toBe('عكس الحقوا');
    expect(normaliseChars('sooooo FAAAST')).toBe('so fast');
    expect(normaliseChars('سرعة 1000 كم')).toBe('سرعه 1000 كم');
    expect(normaliseChars('ممنوع')).toBe('ممنوع'); // two of a letter is spelling, not emphasis
  });

  it('keeps punctuation, so plates can still see dashes', () => {
    expect(normaliseChars('ق-ص-ب-١٢٣٤')).toBe('ق-ص-ب-1234');
  });

  it('maps presentation forms and strips invisible direction marks', () => {
    expect(normaliseChars('ﻻ \u200fعكس\u200e')).toBe('لا عكس');
  });
});

describe('normalise', () => {
  it('turns punctuation, emoji, hashtags and underscores into single spaces', () => {
    expect(normalise('#عكس_الاتجاه!!  على الدائري 😡😡، فين المرور؟')).toBe('عكس الاتجاه علي الدايري فين المرور');
  });

  it('drops links and mentions', () => {
    expect(normalise('شوفوا https://fb.com/x?id=1 @someone_99 الفيديو')).toBe('شوفوا الفيديو');
  });

  it('separates digits glued to Arabic words, and figures glued to Latin units', () => {
    expect(normalise('محور٢٦يوليو ب١٢٠كم 180km/h')).toBe('محور 26 يوليو ب 120 كم 180 km h');
  });

  it('keeps Franco-Arab words whole', () => {
    expect(normalise('Ma4y 3aks 3al da2ery')).toBe('ma4y 3aks 3al da2ery');
  });

  it('tokenises an empty or emoji-only post to nothing', () => {
    expect(tokenise('  🙂🚗 ')).toEqual([]);
  });
});

describe('match keys', () => {
  it.each([
    ['الدايري', 'دايري'],
    ['بالدايري', 'دايري'],
    ['والدايري', 'دايري'],
    ['عالدايري', 'دايري'],
    ['للدايري', 'دايري'],
    ['وبالعكس', 'عكس'],
    ['الا', 'الا'],
    ['عالي', 'عالي'],
    ['eldaery', 'daery'],
    ['el', 'el'],
  ])('strips a leading article: %s → %s', (token, want) => {
    expect(stripArticle(token)).toBe(want);
  });

  it('squeezes doubled letters on both sides of a match', () => {
    expect(matchKey('عكسس')).toBe(matchKey('عكس'));
    // Stretched "speeeeding" folds to "speding"; the entry "speeding" squeezes to the same key.
    expect(matchKey(normalise('speeeeding'))).toBe(matchKey('speeding'));
  });

  it('offers the exact spelling, the key, and the key without a one-letter proclitic', () => {
    expect(tokenKeys('وماشي')).toEqual(['=وماشي', 'وماشي', 'ماشي']);
    expect(tokenKeys('بالعكس')).toEqual(['=بالعكس', 'عكس']);
    expect(tokenKeys('عكس')).toEqual(['=عكس', 'عكس']);
  });
});
