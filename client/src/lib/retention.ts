import type { Incident } from '@rasd/shared';
import { isActive } from './incidents';

/** How many retired ids are remembered; older ones can no longer come back from a late answer anyway. */
export const maxTombstones = 5_000;

/**
 * Finished incidents (closed, merged, rejected) the store can forget: nothing on the desk or the
 * wall shows them, and over a long shift they would otherwise pile up without bound. `keep` holds
 * ids still on screen (the selection, the open drawer).
 */
export function finishedToRetire(incidents: Record<string, Incident>, keep: ReadonlySet<string>): Incident[] {
  return Object.values(incidents).filter((incident) => !isActive(incident) && !keep.has(incident.id));
}

/** Remembers the seq each retired incident had; the oldest entries go once there are more than `max`. */
export function addTombstones(
  tombstones: ReadonlyMap<string, number>,
  retired: readonly Incident[],
  max = maxTombstones,
): Map<string, number> {
  const next = new Map(tombstones);
  for (const incident of retired) {
    next.delete(incident.id); // re-insert so it counts as the newest
    next.set(incident.id, incident.seq);
  }
  for (const id of next.keys()) {
    if (next.size <= max) break;
    next.delete(id);
  }
  return next;
}

/** True when a copy of an incident is not newer than the one that was retired: applying it would resurrect it. */
export function isRetiredCopy(tombstones: ReadonlyMap<string, number>, incident: Incident): boolean {
  const seq = tombstones.get(incident.id);
  return seq !== undefined && incident.seq <= seq;
}
