import type { Incident } from '@rasd/shared';
import { newestFirst } from './incidents';

/** How the social queue is ordered: by the server's priority, or by the latest report. */
export type SocialOrder = 'viral' | 'newest';

/** Reported on social media, alone or corroborating a camera. */
export function isSocial(incident: Incident): boolean {
  return incident.source === 'social' || incident.source === 'mixed';
}

/** A record without a priority (older than priorities) still gets worked, after every scored one. */
const scoreOf = (incident: Incident) => incident.priority ?? -1;

/**
 * Most viral first. The priority already weighs engagement against the post's age (see the server's
 * triage/priority.ts), so a viral video outranks a quiet post; equal scores go to the newest.
 */
export function viralFirst(a: Incident, b: Incident): number {
  return scoreOf(b) - scoreOf(a) || newestFirst(a, b);
}

/** The social incidents among `incidents`, in the chosen order. Sorted afresh, so a live change re-ranks. */
export function socialQueue(incidents: readonly Incident[], order: SocialOrder): Incident[] {
  return incidents.filter(isSocial).sort(order === 'viral' ? viralFirst : newestFirst);
}
