import { findCorridor, type Incident, type IncidentStatus, type Language } from '@rasd/shared';
import { lastSeenMs } from './incident-times';
import { memoLast } from './memo-last';

/** Statuses after which an incident no longer needs the desk's attention. */
const inactiveStatuses: ReadonlySet<IncidentStatus> = new Set(['closed', 'merged', 'rejected']);

export function isActive(incident: Incident): boolean {
  return !inactiveStatuses.has(incident.status);
}

/** Most recently seen first; ties broken by seq so the order is stable. */
export function newestFirst(a: Incident, b: Incident): number {
  return lastSeenMs(b) - lastSeenMs(a) || b.seq - a.seq;
}

/**
 * Active incidents, most recently seen first. The queue, the map and the wall all ask on every
 * store change, so the answer for the latest map of incidents is shared.
 */
export const activeNewestFirst = memoLast((incidents: Record<string, Incident>): readonly Incident[] =>
  Object.values(incidents).filter(isActive).sort(newestFirst),
);

/** The corridor's name in the language, the raw id for an unknown corridor, null for none. */
export function corridorName(corridorId: string | null, language: Language): string | null {
  if (corridorId === null) return null;
  const corridor = findCorridor(corridorId);
  if (!corridor) return corridorId;
  return language === 'ar' ? corridor.properties.name_ar : corridor.properties.name_en;
}
