const arabicIndic = '٠١٢٣٤٥٦٧٨٩';
const persian = '۰۱۲۳۴۵۶۷۸۹';
const letterForms: Record<string, string> = { 'إ': 'أ', 'آ': 'أ', 'ا': 'أ', 'ي': 'ى', 'ة': 'ه', 'ھ': 'ه' };

/** Canonical Egyptian plate: letters spaced, then Arabic-Indic digits ("ق ص ب ١٢٣٤"); null when it is not a plate. */
export function normalisePlate(input: string): string | null {
  const chars = [...input.normalize('NFC').replace(/[\u064B-\u065F\u0640\s\-_|.]/g, '')];
  const letters: string[] = [];
  let digits = '';
  for (const ch of chars) {
    const d = Math.max(arabicIndic.indexOf(ch), persian.indexOf(ch), '0123456789'.indexOf(ch));
    if (d >= 0) digits += arabicIndic[d];
    else if (/[\u0621-\u064A]/.test(ch)) letters.push(letterForms[ch] ?? ch);
    else return null;
  }
  // Egyptian private plates: 1–3 letters and 1–4 digits (older plates have digits only, six at most).
  if (letters.length > 3 || digits.length < 1 || digits.length > (letters.length ? 4 : 6)) return null;
  return [...letters, digits].join(' ');
}
