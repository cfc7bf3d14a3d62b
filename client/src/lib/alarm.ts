import type { Incident, IncidentStatus } from '@rasd/shared';
import { firstSeenMs } from './incident-times';
import { isActive } from './incidents';
import { memoLast } from './memo-last';

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
export const alarmingIncidents = memoLast((incidents: Record<string, Incident>): readonly Incident[] =>
  Object.values(incidents)
    .filter(isAlarming)
    .sort((a, b) => firstSeenMs(a) - firstSeenMs(b) || a.seq - b.seq),
);

/**
 * At most this many markers pulse and flash at once. A handful of moving markers draws the eye; a
 * hundred turn the map into a strobe (and cost a repaint of every one of them on every frame).
 */
export const maxAnimatedMarkers = 12;

/**
 * The critical incidents whose markers move: the alarming ones waiting longest (what the alarm
 * banner leads with), then the newest other critical ones. The rest keep a still, thick outline.
 */
export function animatedMarkerIds(incidents: readonly Incident[], max = maxAnimatedMarkers): ReadonlySet<string> {
  const critical = incidents.filter((i) => i.severity === 'critical');
  const alarming = critical.filter(isAlarming).sort((a, b) => firstSeenMs(a) - firstSeenMs(b) || a.seq - b.seq);
  const others = critical.filter((i) => !isAlarming(i)).sort((a, b) => firstSeenMs(b) - firstSeenMs(a) || b.seq - a.seq);
  return new Set([...alarming, ...others].slice(0, max).map((i) => i.id));
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
