import { triagePost, type TriageInput } from './index';

/**
 * A fixed batch for the project benchmark (bench/run.ts) to time: tests must not assert on
 * wall-clock time, so speed is measured there, not here. Budget: < 0.2 ms per typical post.
 */
export const benchmarkPosts: readonly TriageInput[] = [
  { text: 'عربية ماشية عكس الاتجاه على الدائري عند المعادي دلوقتي', postedAt: '2026-11-22T17:55:00Z', engagement: { likes: 120, shares: 40, comments: 15, views: 9000 } },
  { text: 'نمرة العربية ق ص ب ١٢٣٤ كانت ماشية عكس السير في صلاح سالم ناحية العباسية', postedAt: '2026-11-22T17:40:00Z' },
  { text: 'سباق عربيات على المحور بالليل عند مول العرب والصوت مخليش حد ينام 😡😡 #المحور', postedAt: '2026-11-22T16:00:00Z', engagement: { likes: 3000, views: 250000 } },
  { text: 'ضبط قائد سيارة ملاكي قاد برعونة معرضًا حياته والمواطنين للخطر بمحور 26 يوليو، وتبين أن السيارة تحمل لوحات (ن ط ع 482)', postedAt: '2026-11-22T12:00:00Z' },
  { text: 'speeding like crazy on Salah Salem at 3am, 180 km/h easy', postedAt: '2026-11-22T03:10:00Z', engagement: { likes: 12 } },
  { text: 'fi 3arabeya mashya 3aks 3al da2ery 3nd el moneeb', postedAt: '2026-11-22T17:50:00Z' },
  { text: 'زحمة فظيعة على الدائري من المنيب لحد المريوطية', postedAt: '2026-11-22T08:30:00Z' },
  { text: 'افتتاح فرع جديد لمطعم كشري في مدينة نصر 😋 العنوان: شارع عباس العقاد، الافتتاح الساعة ١٠ الصبح', postedAt: '2026-11-21T10:00:00Z' },
];

const NOW = Date.parse('2026-11-22T18:00:00Z');

/** Triages the batch `rounds` times; returns how many posts were triaged and how many got a kind (so the work cannot be optimised away). */
export function runTriageBenchmark(rounds = 1, posts: readonly TriageInput[] = benchmarkPosts): { posts: number; withKind: number } {
  let withKind = 0;
  for (let r = 0; r < rounds; r++) for (const post of posts) if (triagePost(post, NOW).kind) withKind++;
  return { posts: rounds * posts.length, withKind };
}
