/**
 * Speeds stated as figures: "ماشي ٢٠٠ كيلو", "180 km/h", "doing like 170", "فوق ١٥٠".
 *
 * A bare number is everything from a price to a time, so it counts only when a speed unit follows
 * it, or a driving verb leads it and no other unit follows. Below 100 km/h is ordinary city
 * driving; above 400 it is not a speed at all (a count, a year, a kilometre post).
 */

const MIN_KMH = 100;
const MAX_KMH = 400;

const UNITS = new Set(['كيلو', 'كم', 'كيلومتر', 'كيلومترات', 'km', 'kmh', 'kph', 'mph', 'kms', 'k']);
const LEADERS = new Set([
  'ماشي', 'ماشيه', 'ماشيين', 'يمشي', 'بيمشي', 'بسرعه', 'سرعه', 'سرعته', 'سرعتها', 'بسرعته', 'فوق', 'يعمل', 'بيعمل', 'عامل',
  'بيجري', 'طاير', 'طايره', 'جاي', 'جايه', 'داخل', 'doing', 'at', 'going', 'hitting', 'over', 'speed', 'tayer', 'mashy', 'ma4y',
]);
// A leader may sit up to three words before its figure: "doing like 170", "ماشي بالعربية حوالي ٢٢٠".
const LEADER_WINDOW = 3;
const OTHER_UNITS = new Set([
  'متر', 'مترو', 'جنيه', 'دقيقه', 'دقايق', 'ساعه', 'ساعات', 'يوم', 'ايام', 'سنه', 'مره', 'مرات', 'عربيه', 'عربيات', 'مخالفه',
  'مخالفات', 'واحد', 'شخص', 'الف', 'مليون', 'm', 'meters', 'metres', 'minutes', 'pounds', 'egp', 'le', 'people', 'cars',
]);

export interface SpeedFigure {
  term: string;
  /** Token span [start, end). */
  start: number;
  end: number;
  kmh: number;
}

const isSpeed = (t: string) => /^\d{3}$/.test(t) && +t >= MIN_KMH && +t <= MAX_KMH;

export function speedFigures(tokens: readonly string[]): SpeedFigure[] {
  const out: SpeedFigure[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!isSpeed(t)) continue;
    const next = tokens[i + 1];
    if (next !== undefined && UNITS.has(next)) {
      out.push({ term: `${t} ${next}`, start: i, end: i + 2, kmh: +t });
      continue;
    }
    if (next !== undefined && OTHER_UNITS.has(next)) continue;
    for (let j = i - 1; j >= 0 && i - j <= LEADER_WINDOW; j--) {
      if (!LEADERS.has(tokens[j]!)) continue;
      out.push({ term: tokens.slice(j, i + 1).join(' '), start: j, end: i + 1, kmh: +t });
      break;
    }
  }
  return out;
}
