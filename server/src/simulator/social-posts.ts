import type { AlertKind, SocialReport } from '@rasd/shared';
import { corridors } from '@rasd/shared';
import { randomPlate } from './plates';

// Phrasings the simulated monitoring team forwards; the triage lexicon is written independently.
const behaviours: Partial<Record<AlertKind, string[]>> = {
  wrong_way: ['عربية ماشية عكس الاتجاه', 'واحد جاي عكس السير', 'ملاكي داخل عكس', 'ميكروباص ماشي في الممنوع عكس'],
  reckless: ['سواق بيسوق برعونة وكان هيعمل حادثة', 'تريلا بتتمايل بين الحارات', 'واحد متهور بيكسر على الناس'],
  racing: ['شباب بيعملوا استعراض وتفحيط', 'سباق عربيات بالليل', 'موتوسيكلات بتعمل حركات استعراضية'],
  speeding: ['عربية طايرة بسرعة جنونية', 'سرعة فوق ١٥٠ والناس مرعوبة'],
};
const tails = ['دلوقتي', 'من شوية', 'الفيديو ده لسه متصور', 'حد يبلغ المرور', '#المرور', 'يا جماعة خلوا بالكم'];
const platforms: SocialReport['platform'][] = ['facebook', 'facebook', 'tiktok', 'x', 'whatsapp', 'instagram'];

/** A plausible citizen post about dangerous driving on a named corridor. */
export function randomSocialPost(random: () => number, now: Date, counter: number): SocialReport {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const kind = pick(['wrong_way', 'wrong_way', 'reckless', 'racing', 'speeding'] as const);
  const corridor = pick(corridors.features);
  const place = pick([corridor.properties.name_ar, ...corridor.properties.aliases_ar]);
  const plate = random() < 0.4 ? ` نمرتها ${randomPlate(random)}` : '';
  const views = Math.floor(10 ** (2 + random() * 4));
  const platform = pick(platforms);
  const id = `${now.getTime().toString(36)}${counter}`;
  return {
    platform,
    postUrl: `https://www.${platform === 'x' ? 'x' : platform}.com/sim/posts/${id}`,
    postedAt: new Date(now.getTime() - Math.floor(random() * 20 * 60_000)).toISOString(),
    text: `${pick(behaviours[kind]!)} على ${place}${plate} ${pick(tails)}`,
    author: `citizen_${Math.floor(random() * 10_000)}`,
    mediaUrls: [`https://media.example.org/sim/${id}.mp4`],
    engagement: { views, likes: Math.floor(views / 20), shares: Math.floor(views / 150), comments: Math.floor(views / 100) },
  };
}
