import { normalisePlate } from '@rasd/shared';
import { normaliseChars } from './normalise';

/**
 * Egyptian plate extraction from post text: 2–3 letters and 1–4 digits in either order
 * ("ق ص ب ١٢٣٤", "1234 ق ص ب", "نمرة ر ل ٥٥٦", "ق-ص-ب-1234").
 *
 * Only the 17 letters the traffic authority uses can appear (after folding: أ→ا, ى→ي). Letters
 * written apart ("ق ص ب") are a strong sign of a plate, since Arabic words are never typed that
 * way. Letters written together ("قصب 1234") look like a word, and "بعد 10" or "عند 3" would
 * match, so they count only right after a plate word (نمرة, لوحة, رقم, plate) or glued to the digits.
 */

const L = '[ابجدرسصطعفقلمنهوي]';
const SEP = '[\\s\\-_.|/]';
// No letter may touch a plate letter, nor may a fourth lone letter precede the run ("ق ص ب د 123").
const LETTERS_APART = `(?<![\\p{L}\\p{N}])(?<!(?:^|[^\\p{L}])\\p{L}${SEP}+)(${L})${SEP}+(${L})(?:${SEP}+(${L}))?(?!\\p{L})`;
// 1–4 digits, no leading zero, not part of a time, decimal or longer number ("10:30", "48.5").
const DIGITS = '(?<![\\d:.,٫])([1-9]\\d{0,3})(?!\\d|[:.,٫]\\d)';
const LETTERS_TOGETHER = `(?<![\\p{L}\\p{N}])(${L}{2,3})(?!\\p{L})`;

const APART_THEN_DIGITS = new RegExp(`${LETTERS_APART}${SEP}*${DIGITS}`, 'gu');
const DIGITS_THEN_APART = new RegExp(`${DIGITS}${SEP}*${LETTERS_APART}`, 'gu');
const TOGETHER_THEN_DIGITS = new RegExp(`${LETTERS_TOGETHER}(${SEP}*)${DIGITS}`, 'gu');
const DIGITS_THEN_TOGETHER = new RegExp(`${DIGITS}(${SEP}*)${LETTERS_TOGETHER}`, 'gu');

// A plate word within a few words before the candidate.
const CUE = /(?:نمر|لوح|رقم|ارقام|plate|number)[\p{L}]*[\s:：\-–(]*(?:\S+\s+){0,2}$/u;
// Everyday words spelt only with plate letters, which must not be read as plate letters.
const WORDS = new Set([
  'بعد', 'عند', 'قبل', 'من', 'عن', 'مع', 'في', 'لو', 'يا', 'او', 'ده', 'دي', 'هو', 'هي', 'لا', 'ما', 'ال', 'بال', 'وال', 'فال', 'لل',
  'عال', 'علي', 'الي', 'اول', 'فوق', 'رقم', 'نمره', 'سنه', 'مره', 'يوم', 'دور', 'نص', 'الف', 'مين', 'لي', 'له', 'لها', 'بس', 'بين',
  'ولا', 'وفي', 'ودي', 'ابو', 'ام', 'عم', 'جد', 'قد', 'لم', 'لن', 'هل', 'منذ', 'حوالي', 'نفر', 'واحد', 'دقيقه', 'جنيه',
]);

export interface PlateMatch {
  plate: string;
  /** Character offset in the folded text: the earliest plate wins. */
  index: number;
}

function canonical(letters: (string | undefined)[], digits: string): string | null {
  const present = letters.filter((l): l is string => !!l);
  if (present.length < 2 || present.length > 3) return null;
  return normalisePlate(`${present.join(' ')} ${digits}`);
}

function* candidates(s: string): Generator<PlateMatch> {
  for (const m of s.matchAll(APART_THEN_DIGITS)) {
    const plate = canonical([m[1], m[2], m[3]], m[4]!);
    if (plate) yield { plate, index: m.index };
  }
  for (const m of s.matchAll(DIGITS_THEN_APART)) {
    const plate = canonical([m[2], m[3], m[4]], m[1]!);
    if (plate) yield { plate, index: m.index };
  }
  for (const m of s.matchAll(TOGETHER_THEN_DIGITS)) {
    const [, word, gap, digits] = m;
    if (WORDS.has(word!) || (gap !== '' && !CUE.test(s.slice(Math.max(0, m.index - 30), m.index)))) continue;
    const plate = canonical([...word!], digits!);
    if (plate) yield { plate, index: m.index };
  }
  for (const m of s.matchAll(DIGITS_THEN_TOGETHER)) {
    const [, digits, gap, word] = m;
    if (WORDS.has(word!) || (gap !== '' && !CUE.test(s.slice(Math.max(0, m.index - 30), m.index)))) continue;
    const plate = canonical([...word!], digits!);
    if (plate) yield { plate, index: m.index };
  }
}

/** Every plate in a post, earliest first. */
export function extractPlates(text: string): string[] {
  const found = [...candidates(normaliseChars(text))].sort((a, b) => a.index - b.index);
  return [...new Set(found.map((m) => m.plate))];
}

/** The first plate in a post, canonical ("ق ص ب ١٢٣٤"), or null. */
export function extractPlate(text: string): string | null {
  return extractPlates(text)[0] ?? null;
}
