import { findCorridor, type Incident, type IncidentStatus, type Language } from '@rasd/shared';

/** Statuses after which an incident no longer needs the desk's attention. */
const inactiveStatuses: ReadonlySet<IncidentStatus> = new Set(['closed', 'merged', 'rejected']);

export function isActive(incident: Incident): boolean {
  return !inactiveStatuses.has(incident.status);
}

function timeOf(iso: string): number {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 0 : t;
}

/** Most recently seen first; ties broken by seq so the order is stable. */
export function newestFirst(a: Incident, b: Incident): number {
  return timeOf(b.lastSeenAt) - timeOf(a.lastSeenAt) || b.seq - a.seq;
}

/** Active incidents, most recently seen first. */
export function activeNewestFirst(incidents: Record<string, Incident>): Incident[] {
  return Object.values(incidents).filter(isActive).sort(newestFirst);
}

/** The corridor's name in the language, the raw id for an unknown corridor, null for none. */
export function corridorName(corridorId: string | null, language: Language): string | null {
  if (corridorId === null) return null;
  const corridor = findCorridor(corridorId);
  if (!corridor) return corridorId;
  return language === 'ar' ? corridor.properties.name_ar : corridor.properties.name_en;
}
