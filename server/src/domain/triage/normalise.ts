/**
 * Arabic text normalisation for matching, not for display.
 *
 * Citizens write the same word many ways (أ/ا, ى/ي, ة/ه, with or without hamza seats,
 * stretched letters for emphasis, Arabic-Indic digits). Folding them all to one spelling lets
 * every lexicon and gazetteer entry be written once.
 */

// Presentation forms (ﻻ, ﷺ, isolated/final glyphs) arrive from copy-paste out of PDFs and apps;
// NFKC turns them into ordinary letters, but it is only worth paying for when they occur.
const PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFF]/;

// Harakat, superscript alef, Quranic marks, tatweel, and invisible bidi/zero-width controls:
// none of them change which word was meant.
const INVISIBLE = /[\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

const LETTER_FOLDS: Record<string, string> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا',
  'ى': 'ي', 'ی': 'ي',
  'ة': 'ه', 'ھ': 'ه', 'ۀ': 'ه',
  // Colloquial spelling drops the hamza seat ("الدايري", "مسئول/مسؤول"); fold both ways to the bare letter.
  'ئ': 'ي', 'ؤ': 'و', 'ء': '',
  'ک': 'ك',
  '٫': '.', '٬': ',',
};
const FOLDABLE = /[أإآٱىیةھۀئؤءک٫٬]/g;

const ARABIC_INDIC_ZERO = 0x0660;
const PERSIAN_ZERO = 0x06f0;
const EASTERN_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

// Three or more of the same letter is emphasis ("عكسسسس", "sooooo"); real words never need it.
// Digits are excluded: "1000" must stay a thousand.
const STRETCHED = /(\p{L})\1{2,}/gu;

/**
 * Character-level folding only: keeps punctuation and spacing, so plate extraction can still see
 * "ق-ص-ب" dashes and whether digits were written attached to letters.
 */
export function normaliseChars(text: string): string {
  let s = PRESENTATION_FORMS.test(text) ? text.normalize('NFKC') : text;
  s = s.replace(INVISIBLE, '');
  s = s.replace(FOLDABLE, (c) => LETTER_FOLDS[c] ?? c);
  s = s.replace(EASTERN_DIGITS, (c) => {
    const code = c.charCodeAt(0);
    return String(code >= PERSIAN_ZERO ? code - PERSIAN_ZERO : code - ARABIC_INDIC_ZERO);
  });
  return s.toLowerCase().replace(STRETCHED, '$1');
}

const URLS = /\bhttps?:\/\/\S+|\bwww\.\S+/g;
const MENTIONS = /@[\p{L}\p{N}_.]+/gu;
// "٢٦يوليو" and "ب١٢٣٤" are written glued; matching needs them as separate tokens.
const ARABIC_THEN_DIGIT = /([\u0621-\u064A])(\d)/g;
const DIGIT_THEN_ARABIC = /(\d)([\u0621-\u064A])/g;
// "120km" splits, but Franco-Arab "3aks"/"da2ery" keeps its single letter-digits inside the word.
const NUMBER_THEN_LATIN = /(\d{2,})([a-z])/g;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/** Folded text with every run of punctuation, emoji or space turned into one space. */
export function normalise(text: string): string {
  return normaliseChars(text)
    .replace(URLS, ' ')
    .replace(MENTIONS, ' ')
    .replace(ARABIC_THEN_DIGIT, '$1 $2')
    .replace(DIGIT_THEN_ARABIC, '$1 $2')
    .replace(NUMBER_THEN_LATIN, '$1 $2')
    .replace(NOT_WORD, ' ')
    .trim();
}

export function tokenise(text: string): string[] {
  const s = normalise(text);
  return s ? s.split(' ') : [];
}

// Clitic + article prefixes, longest first. "عال" is Egyptian "على ال" glued ("عالدائري").
const ARTICLE_PREFIXES: readonly [prefix: string, minRest: number][] = [
  ['وبال', 2], ['وكال', 2], ['وال', 2], ['بال', 2], ['فال', 2], ['كال', 2], ['عال', 4], ['ولل', 2], ['لل', 2], ['ال', 2],
];
const LATIN = /^[a-z0-9]+$/;
const DOUBLED_LETTER = /(\p{L})\1/gu;

/** Drops a leading article (with its conjunction/preposition) so "بالدائري", "عالدائري" and "دائري" meet. */
export function stripArticle(token: string): string {
  if (LATIN.test(token)) {
    return token.length >= 5 && (token.startsWith('el') || token.startsWith('al')) ? token.slice(2) : token;
  }
  for (const [prefix, minRest] of ARTICLE_PREFIXES) {
    if (token.startsWith(prefix) && token.length - prefix.length >= minRest) return token.slice(prefix.length);
  }
  return token;
}

/**
 * The key a token is matched by: article stripped, doubled letters squeezed (a typo'd "عكسس" or an
 * English "speeeding" stretched to "speding" still meets its entry, because entries get the same key).
 */
export function matchKey(token: string): string {
  return stripArticle(token).replace(DOUBLED_LETTER, '$1');
}

// One-letter proclitics without an article: "وماشي", "فجأة", "بسرعة", "لاختصار", "كأنه".
const PROCLITIC = /^[وفبلك]/;

/** Marks a key as the exact spelling, so "=بالعكس" never meets the match key "عكس" of other tokens. */
export const EXACT = '=';

/**
 * Every key a token may match, most literal first: its exact spelling (for entries that must see
 * it, e.g. "بالعكس" = "on the contrary"), its match key, and its match key without a
 * single-letter proclitic.
 */
export function tokenKeys(token: string): string[] {
  const key = matchKey(token);
  const keys = [EXACT + token, key];
  if (token.length >= 4 && PROCLITIC.test(token) && !LATIN.test(token)) {
    const bare = matchKey(token.slice(1));
    if (!keys.includes(bare)) keys.push(bare);
  }
  return keys;
}
