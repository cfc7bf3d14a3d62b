import type { AlertKind, Incident, IncidentSource, IncidentStatus } from '@rasd/shared';

/** Stands for "no corridor" in the corridor filter (incidents located off the major roads). */
export const noCorridor = 'none';

/** What the desk shows on the map and in the queue; an empty list means "all". */
export interface Filters {
  corridors: readonly string[];
  kinds: readonly AlertKind[];
  sources: readonly IncidentSource[];
  statuses: readonly IncidentStatus[];
}

export type FilterField = keyof Filters;

export const noFilters: Filters = { corridors: [], kinds: [], sources: [], statuses: [] };

const allows = <T>(chosen: readonly T[], value: T) => chosen.length === 0 || chosen.includes(value);

export function matchesFilters(incident: Incident, filters: Filters): boolean {
  return (
    allows(filters.corridors, incident.corridorId ?? noCorridor) &&
    allows(filters.kinds, incident.kind) &&
    allows(filters.sources, incident.source) &&
    allows(filters.statuses, incident.status)
  );
}

export function activeFilterCount(filters: Filters): number {
  return filters.corridors.length + filters.kinds.length + filters.sources.length + filters.statuses.length;
}

/** Adds the value to the field's choice, or removes it when already chosen. */
export function toggleFilter<F extends FilterField>(filters: Filters, field: F, value: Filters[F][number]): Filters {
  const current = filters[field] as readonly string[];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...filters, [field]: next };
}
