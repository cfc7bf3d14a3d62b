import type { Incident, IncidentStatus } from '@rasd/shared';
import { firstSeenMs } from './incident-times';
import { isActive } from './incidents';

/** Statuses in which an incident is still waiting for someone to take it. */
const waiting: ReadonlySet<IncidentStatus> = new Set(['new', 'verifying', 'verified']);

/**
 * The alarm rule: a critical incident (every wrong-way, and anything escalated to critical) that
 * nobody has claimed. It stops only when someone claims it; acknowledging silences, never hides.
 */
export function isAlarming(incident: Incident): boolean {
  return isActive(incident) && incident.severity === 'critical' && incident.claimedBy === null && waiting.has(incident.status);
}

/** The alarming incidents, oldest first: the one waiting longest leads. */
export function alarmingIncidents(incidents: Record<string, Incident>): Incident[] {
  return Object.values(incidents)
    .filter(isAlarming)
    .sort((a, b) => firstSeenMs(a) - firstSeenMs(b) || a.seq - b.seq);
}

/** Incident ids whose sound a desk acknowledged (value: when). */
export type Acks = Readonly<Record<string, number>>;

/**
 * Keeps only the acknowledgements of incidents that are still alarming, so an incident that is
 * claimed and later released (alarming again) sounds again. Returns `acks` itself when nothing changed.
 */
export function reconcileAcks(acks: Acks, alarmingIds: readonly string[]): Acks {
  const keep = new Set(alarmingIds);
  const stale = Object.keys(acks).filter((id) => !keep.has(id));
  if (stale.length === 0) return acks;
  const next: Record<string, number> = { ...acks };
  for (const id of stale) delete next[id];
  return next;
}

/** Adds acknowledgements for the given ids. */
export function acknowledge(acks: Acks, ids: readonly string[], at: number): Acks {
  const next: Record<string, number> = { ...acks };
  for (const id of ids) next[id] ??= at;
  return next;
}

export type AlarmState = 'quiet' | 'sounding' | 'silenced';

/** Sounding while any alarming incident is unacknowledged; silenced when all are; quiet when none. */
export function alarmState(alarmingIds: readonly string[], acks: Acks): AlarmState {
  if (alarmingIds.length === 0) return 'quiet';
  return alarmingIds.some((id) => !(id in acks)) ? 'sounding' : 'silenced';
}
