// Letters used on Egyptian plates (no dotted pairs that read alike, as the traffic authority chose).
const letters = ['أ', 'ب', 'ج', 'د', 'ر', 'س', 'ص', 'ط', 'ع', 'ف', 'ق', 'ل', 'م', 'ن', 'ه', 'و', 'ى'];
const arabicIndic = '٠١٢٣٤٥٦٧٨٩';

/** A plausible Egyptian plate: two or three Arabic letters and one to four Arabic-Indic digits. */
export function randomPlate(random: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const letterCount = random() < 0.7 ? 3 : 2;
  const digitCount = 1 + Math.floor(random() * 4);
  const chars = Array.from({ length: letterCount }, () => pick(letters));
  const digits = Array.from({ length: digitCount }, (_, i) => pick([...arabicIndic].slice(i === 0 ? 1 : 0))).join('');
  return `${chars.join(' ')} ${digits}`;
}
