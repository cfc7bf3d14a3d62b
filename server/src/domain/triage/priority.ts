import type { AlertKind, Severity } from '@rasd/shared';
import { severityOf } from '../severity';

/**
 * Queue priority of a citizen post, 0–100.
 *
 *   reach    = likes + 2·comments + 3·shares + views / 20
 *              (a share carries the video to new people, a comment shows people cared, a view is cheap)
 *   spread   = 1 + log10(1 + reach)          — 1 for a silent post, ~6 for a hundred thousand reactions
 *   fresh    = 0.5 ^ (ageHours / 6)          — half-life 6 h: an offender seen an hour ago may still be
 *                                              on the road; a day-old video is evidence, not an emergency
 *   danger   = per-kind factor (wrong way 1.5 … not traffic 0.3)
 *   priority = 100 · (1 − e^(−spread · fresh · danger / 4))
 *
 * The saturating last step keeps the score in 0–100 without a hard cap, so two viral posts still
 * order by how viral they are. A post dated in the future (clock skew) counts as just posted;
 * an unreadable date counts as one half-life old.
 */

export interface Engagement {
  likes?: number;
  shares?: number;
  comments?: number;
  views?: number;
}

export interface PriorityInput {
  kind: AlertKind | null;
  postedAt: string | Date;
  engagement?: Engagement;
}

export interface PriorityResult {
  priority: number;
  severity: Severity;
}

export const HALF_LIFE_HOURS = 6;
const SCALE = 4;

const danger: Record<AlertKind | 'none', number> = {
  wrong_way: 1.5,
  racing: 1.2,
  reckless: 1.2,
  speeding: 1,
  stopped_vehicle: 1,
  other: 0.6,
  none: 0.3,
};

const count = (n: number | undefined) => (Number.isFinite(n) && n! > 0 ? n! : 0);

export function reachOf(e: Engagement = {}): number {
  return count(e.likes) + 2 * count(e.comments) + 3 * count(e.shares) + count(e.views) / 20;
}

export function freshnessOf(postedAt: string | Date, now: Date | number): number {
  const posted = postedAt instanceof Date ? postedAt.getTime() : Date.parse(postedAt);
  const at = typeof now === 'number' ? now : now.getTime();
  if (!Number.isFinite(posted) || !Number.isFinite(at)) return 0.5;
  const ageHours = Math.max(0, (at - posted) / 3_600_000);
  return 0.5 ** (ageHours / HALF_LIFE_HOURS);
}

export function priorityOf(input: PriorityInput, now: Date | number): PriorityResult {
  const spread = 1 + Math.log10(1 + reachOf(input.engagement));
  const x = (spread * freshnessOf(input.postedAt, now) * danger[input.kind ?? 'none']) / SCALE;
  const priority = Math.round(1000 * (1 - Math.exp(-x))) / 10;
  return { priority, severity: input.kind ? severityOf(input.kind) : 'low' };
}
