import type { Incident } from '@rasd/shared';
import { isAlarming } from './alarm';
import { isActive } from './incidents';

export interface LiveCounts {
  /** Every incident not yet closed, merged or rejected. */
  open: number;
  /** Open and waiting for someone to take it. */
  unclaimed: number;
  /** Open and critical, claimed or not. */
  critical: number;
  /** Critical and unclaimed: what the alarm is about. */
  alarming: number;
}

/** The wall's live counters, from the incidents the store holds (every active one, by the sync rules). */
export function liveCounts(incidents: Record<string, Incident>): LiveCounts {
  const counts: LiveCounts = { open: 0, unclaimed: 0, critical: 0, alarming: 0 };
  for (const incident of Object.values(incidents)) {
    if (!isActive(incident)) continue;
    counts.open += 1;
    if (incident.claimedBy === null && ['new', 'verifying', 'verified'].includes(incident.status)) counts.unclaimed += 1;
    if (incident.severity === 'critical') counts.critical += 1;
    if (isAlarming(incident)) counts.alarming += 1;
  }
  return counts;
}

/** The newest incidents by their latest alert: the wall's ticker. Bounded by `limit`, whatever the store holds. */
export function newestAlerts(incidents: Record<string, Incident>, limit: number): Incident[] {
  const newest: Incident[] = [];
  for (const incident of Object.values(incidents)) {
    if (!isActive(incident)) continue;
    newest.push(incident);
    if (newest.length > limit * 4) trim(newest, limit);
  }
  return trim(newest, limit);
}

function trim(list: Incident[], limit: number): Incident[] {
  list.sort((a, b) => Date.parse(b.lastSeenAt) - Date.parse(a.lastSeenAt) || b.seq - a.seq);
  list.length = Math.min(list.length, limit);
  return list;
}
