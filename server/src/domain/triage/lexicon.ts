/**
 * Behaviour lexicon for citizen posts (Egyptian colloquial first, then MSA news style, English and
 * Franco-Arab). Seeded from shared/data/keywords-ar.json, extended from how Egyptian traffic news
 * and social posts phrase these offences. Pattern syntax: see phrase-matcher.ts.
 *
 * weight 3: the phrase alone settles the kind; 2: strong; 1: a hint that needs company.
 * ctx: the words have an everyday non-traffic sense ("طاير" = gone viral, "سباق" = any race,
 *      "عكس" = contrary), so they count only in a post that is otherwise about traffic.
 * 'context' entries carry no kind; they only say the post is about traffic (→ 'other' if nothing else).
 * 'block' entries claim a span so a known non-traffic sense cannot match ("على عكس التوقعات").
 */

export type Behaviour = 'wrong_way' | 'reckless' | 'racing' | 'speeding';

export interface LexiconEntry {
  kind: Behaviour | 'context' | 'block';
  weight: number;
  ctx: boolean;
  patterns: readonly string[];
}

const e = (kind: LexiconEntry['kind'], weight: number, patterns: string[], ctx = false): LexiconEntry => ({ kind, weight, ctx, patterns });

// Verbs of moving/driving, colloquial and MSA, in the forms people actually type.
const MOVE =
  'ماشي|ماشيه|ماشيين|ماشين|يمشي|تمشي|يمشوا|مشي|ماشيا|جاي|جايه|جايين|داخل|داخله|داخلين|دخل|دخلت|يدخل|تدخل|' +
  'سايق|سايقه|يسوق|راجع|راجعه|طالع|طالعه|طالعين|نازل|نازله|يسير|تسير|يسيرون|سار|سارت|يقود|قاد|يجري|سير|السير|قياده|' +
  'mashy|mashya|ma4y|ma4ya|da5el|da5la|gay|gaya|sayek|sayeq|driving|going|coming|drove|driver|drives|heading';
const AGAINST = 'عكس|عكسي|عكسيا|عكسنا|عكسهم|عكسه|عكسها|عكسينا|3aks|3ax';
const DIRECTION = 'الاتجاه|اتجاه|السير|الطريق|المرور|الحركه|الشارع|السكه|الكوبري|المحور|الدايري|etgah|el_etgah|seer|el_seer';
const OPPOSITE = 'المعاكس|المعاكسه|العكسي|العكسيه|الغلط|الخطا|المخالف|المضاد';
const PARKED = 'ركن|راكن|راكنه|ركنه|ركنت|ركنها|يركن|واقف|واقفه|واقفين|انتظار|الانتظار|الركن|parked|parking';
const CUT = 'يكسر|كسر|يقطع|قطع|تقطع|قفل|يقفل|كاسر|قاطع';

export const lexicon: readonly LexiconEntry[] = [
  // ── wrong way ────────────────────────────────────────────────────────────
  e('wrong_way', 3, [
    `${MOVE} ${AGAINST}`,
    `${MOVE} في? ${AGAINST} ${DIRECTION}`,
    `${AGAINST} ${DIRECTION}`,
    `علي ${AGAINST} ${DIRECTION}`,
    'عكس اتجاه السير|المرور|الحركه|الطريق',
    `${MOVE} في|علي|ف? الاتجاه|اتجاه|الحاره|السكه ${OPPOSITE}`,
    `${MOVE} في|ف الممنوع`,
    `ضد ${DIRECTION}`, `عاكس|عاكسه|عاكسين|معاكس|معاكسه|بيعكس|بتعكس|يعكس ${DIRECTION}`,
    // Head-on: "جاي في وشنا" = coming at us.
    `${MOVE} في|ف وشنا|وشي|وشهم|وشك|وش_العربيات|وش_الناس`,
    'مخالفه|مخالفا|مخالفين|يخالف|بيخالف الاتجاه|اتجاه_السير|اتجاه_المرور',
    'wrong way|side|direction', 'wrongway', 'against traffic|the_traffic|the_flow|oncoming_traffic|the_oncoming_traffic', 'ghost driver|driving', 'contraflow',
  ]),
  e('wrong_way', 2, [`الاتجاه|اتجاه ${OPPOSITE}`, 'opposite direction', 'السير عكسيا', 'عكس عكس']),
  e('wrong_way', 2, ['في|ف الممنوع', 'بيعكس|بتعكس|بيعكسوا|عاكس|عاكسه|عاكسين'], true),
  e('wrong_way', 1, [AGAINST, 'اختصار|لاختصار|يختصر|بيختصر الطريق|المسافه|السكه'], true),
  e('block', 0, [
    'علي? عكس التوقعات|ما|كل|كده|ده|دا|بعض|ذلك|المتوقع|المعتاد', '=بالعكس', '=والعكس', '=وبالعكس',
    `${PARKED} في|ف الممنوع`, `${PARKED} علي|في * في|ف الممنوع`,
  ]),

  // ── reckless ─────────────────────────────────────────────────────────────
  e('reckless', 3, [
    'رعونه|برعونه|الرعونه|متهور|متهوره|متهورين|متهورا|بتهور|تهور|التهور|بطيش|طايش|طايشه|طايشين|برعونه_وطيش',
    'قياده|سواقه|يسوق|سايق|قاد|يقود خطره|خطيره|بطريقه_خطره|بطريقه_خطيره|بشكل_خطير|بشكل_متهور|بجنون|زي_المجانين|زي_المجنون',
    'بطريقه|بشكل خطره|خطيره|خطير|متهوره|متهور|جنونيه',
    'معرضا|معرضه|معرضين|عرض|يعرض|تعرض|تعريض|معرض حياته|حياتها|حياتهم|حياه|ارواح',
    'reckless|recklessly|recklessness', 'dangerous driving', 'driving|drove dangerously',
    'drunk|drink driver|driving', 'asleep at the wheel',
  ]),
  e('reckless', 2, [
    'يغرز|غرز|تغريز|بيغرز|يغرزوا|مغرز|زجزاج|زيجزاج|weaving|swerving|zigzagging|zigzag',
    `${CUT} علي? العربيات|العربيه|الموتوسيكل|الناس|عربيات`, `${CUT} علينا|عليه|عليا|عليهم`,
    'يدخل|داخل|يخش|داخش|بيدخل بين العربيات|التريلات|العربيه|الحارات|التريلا',
    'تحت تاثير', 'سكران|سكرانين|مسطول|مسطولين|متعاطي', 'شارب حشيش|بيره|خمره',
    'يتطوح|بيتطوح|متطوح|يتمايل|تتمايل|بتتمايل|متمايل', 'من حاره لحاره|لحاره', 'يتنطط|بيتنطط|بتتنطط|ينط|بينط من? حاره',
    'يلزق|بيلزق|لازق|يزنق|بيزنق|زانق|يحدف|بيحدف|حادف علي|في? العربيات|فيهم|فينا|عليهم|علينا|الناس',
    'ركاب|الركاب فوق|علي السقف', 'cutting|cut|cuts *? off', 'tailgating',
    'ماسك|ماسكه|بيتكلم|يتكلم|يكلم|يكتب|بيكتب|بيشات|يبص|بيبص في|ف|علي? الموبايل|التليفون|الفون|التلفون|موبايل', 'يصور|بيصور نفسه|لايف',
    'on his|her|the phone', 'texting while driving', 'cutting across|off|in',
    'نايم علي الدركسيون|الدريكسيون|الطاره', 'نايم وهو بيسوق|سايق',
    'راكب|طالع|يطلع|بيطلع علي? الرصيف', 'حاره|حارة الطوارئ', 'يتخطي|تتخطي|يعدي|بيعدي *? من|علي اليمين',
    'يرجع|بيرجع|راجع|ماشي بضهره|لورا|بالريوس', 'زي العفريت', 'zy|zay el? 3efreet',
    'crazy driver', 'like a maniac|madman', 'maniac',
  ]),
  e('reckless', 1, [
    'مجنون|مجنونه|مجانين|المجنون|mgnon|magnon|mgnoon', 'شارب', 'انتحار|بينتحر',
    'هيموت|هيموتنا|هيموتوا|هيخبطنا|هيخبط|هيدهس|هيقلب|هتقلب|كاد|كادت',
    'خطر علي الناس|الارواح', 'يهدد حياه|ارواح', 'من_غير|بدون خوذه', 'nearly|almost ran|hit',
  ], true),

  // ── racing, drifting, stunts (استعراض) ───────────────────────────────────
  e('racing', 3, [
    'سباق|سباقات عربيات|سيارات|موتوسيكلات|موتسيكلات|موتوسيكل|موتسيكل|دراجات|موت|الموت|شوارع|بين',
    'سباق|سباقات دراجات ناريه', 'تفحيط|تفحيطات|يفحط|بيفحط|يفحطوا|بيفحطوا|مفحط|مفحطين',
    'دريفت|درفت|دريفتنج|drift|drifting|drifted|drifts', 'تخميس|يخمس|بيخمس|يخمسوا|بيخمسوا',
    'حركات استعراضيه', 'استعراضيه', 'علي? عجله واحده', 'علي? الكاوتش الخلفي', 'ويلي|wheelie|wheelies|stunt|stunts|stunting',
    'street|drag race|racing|races', 'sba2|seba2',
  ]),
  e('racing', 3, [
    'سباق|سباقات|يتسابقوا|بيتسابقوا|يتسابق|بيتسابق|متسابقين|تسابق|تسابقوا|تتسابق|يتسابقان|تتسابقان|يتسابقون',
    'استعراض|استعراضي|يستعرض|بيستعرض|يستعرضوا|بيستعرضوا|استعراضات|racing|races|bysab2o',
  ], true),
  e('racing', 2, [
    'يلف|بيلف|بتلف|بيلفوا|تلف|يلفوا|لافف|لافه حوالين|حول نفسه|نفسها|نفسهم', 'سبين|سبينات|spin|spins|donuts|doughnuts',
    'طالع|طالعين|طالعه|خارج|خارجين|خارجه من الشباك|الشبابيك|شبابيك|شباك|فتحه_السقف|النوافذ|نوافذ|نافذه',
    'فتح|يفتح|بيفتح|فاتح الابواب|ابواب|الباب', 'رافع|رافعين|يرفع|بيرفع العجل|العجله|الكاوتش|الموتوسيكل', 'تشحيط|يشحط|بيشحط|بيشحطوا', 'صوت الكاوتش', 'حركات',
  ], true),
  e('racing', 1, ['زفه|زفاف', 'موكب زفاف|عرس|عريس', 'تحدي'], true),
  e('block', 0, [
    'سباق|سباقات الخيل|الخيول|الهجن|الجري|السباحه|التسلح|الرياسه|الرئاسه|انتخابي|الانتخابات|الدراجات|دراجات|التتابع|ماراثون',
    'سباق مع الزمن', 'عربيات|عربيه|سيارات|سياره|لعبه =السباق', 'horse race|racing|races', 'race against time',
  ]),

  // ── speeding ─────────────────────────────────────────────────────────────
  e('speeding', 3, [
    'سرعه|بسرعه|سرعته جنونيه|رهيبه|مرعبه|مخيفه|الصاروخ|الصاروخيه|البرق|الطياره|خياليه|مجنونه|فظيعه|قاتله|مفرطه|زايده|زائده|جامده|مهوله|عاليه_جدا|الموت|مش_طبيعيه|غير_طبيعيه|خطيره|خطره',
    'تجاوز|تخطي|تعدي|يتجاوز|متجاوز|متجاوزا|تجاوزه|تخطيه السرعه|سرعه المقرره|المسموح|المسموحه|القانونيه?',
    'مخالفه|مخالفات|مخالفتين سرعه', 'تجاوز|تخطي|يتخطي|تتخطي|يتعدي|تتعدي|متخطي|متجاوز الحد|السرعه الاقصي|المسموح|المقرر|المسموح_بيه', 'اقصي|باقصي سرعه', 'كيلو زياده|فوق', 'زياده|فوق|اكتر|اعلي عن|من? المسموح',
    'speeding|speeder|speeders|overspeeding', 'over speeding', 'too|crazy|insanely fast', 'speed demon',
    'sor3a|bsor3a gnonya|ganonya|mgnona|rhiba',
  ]),
  e('speeding', 2, [
    'سرعه|بسرعه عاليه|كبيره', 'طاير|طايره|طايرين|يطير|بيطير|تطير|بتطير|بيطيروا|tayer|tayra|tayreen|bytir',
    'مسرع|مسرعه|مسرعين|مسرعا', 'high speed', 'very|so fast', 'flying',
  ], true),
  e('speeding', 1, ['رادار', 'يجري|بيجري|بتجري|بيجروا'], true),

  // ── traffic context (no kind) ────────────────────────────────────────────
  e('context', 0, [
    'عربيه|عربيات|عربيتي|عربيته|عربيتها|عربيتين|سياره|سيارات|سيارتين|ملاكي|ميكروباص|مايكروباص|ميكروباصات|تاكسي|اوبر|توكتوك|تكاتك|موتوسيكل|موتوسيكلات|موتسيكل|دراجه|تريلا|تريله|تريلات|نقل|اتوبيس|اتوبيسات|باص|جيب',
    'توك توك', 'سواق|سواقين|سائق|سائقين|قائد|قايد|يسوق|بيسوق|سايق|سواقه|قياده',
    'طريق|شارع|كوبري|كبري|مطلع|منزل|نزله|طلعه|حاره|اشاره|مرور|مروري|مروريه|كمين|زحمه|حادثه|حادث|تصادم|اصطدام|انقلاب|اتقلبت|مقلوبه|اتقلب|رخصه|رخص|نمره|لوحه|لوحات|مخالفه|مطب|مطبات|عطلانه|عطلان|بنزينه',
    'الدفاع المدني',
    'car|cars|driver|drivers|truck|lorry|bus|microbus|motorcycle|motorbike|bike|taxi|uber|bmw|mercedes',
    'road|street|bridge|traffic|highway|lane|lanes|accident|crash|jam|corridor|axis|exit|flyover|plate|3arabeya|3arabeyat|3arabya|sawa2',
  ]),
];

/** Words that, a token or two before a phrase, deny it ("مش عكس", "لم يكن يسير عكس", "not the wrong way"). */
export const negators: ReadonlySet<string> = new Set([
  'مش', 'مو', 'مكانش', 'ماكانش', 'مكنش', 'ماكنش', 'مكانتش', 'ماكانتش', 'لم', 'لن', 'ليس', 'ليست', 'ليسوا', 'لا', 'مفيش', 'مافيش',
  'not', 'no', 'never', 'isn', 'wasn', 'aren', 'weren', 'didn', 'doesn', 'don', 'msh', 'mesh', 'mish', 'mush',
]);

/** Words a negator may sit behind and still deny the phrase ("لم يكن يسير", "wasn't going the"). */
export const negationBridges: ReadonlySet<string> = new Set([
  'كان', 'كانت', 'كانوا', 'يكن', 'تكن', 'يكون', 'هو', 'هي', 'ده', 'دي', 'دا', 'في', 'ف', 't', 'going', 'driving', 'the', 'a', 'on',
]);

/** "مش بس عكس" = not only the wrong way, but: the negation does not reach past it. */
export const negationBreakers: ReadonlySet<string> = new Set(['بس', 'فقط', 'only', 'just']);
