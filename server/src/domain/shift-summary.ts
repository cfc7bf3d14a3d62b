import { DateTime } from 'luxon';
import type { HistoryEntry, Incident, IncidentStatus, ShiftSummary } from '@rasd/shared';
import { percentiles } from './percentile';
import { operationsZone, type Shift } from './shifts';

export interface IncidentRecord {
  incident: Incident;
  /** Oldest first. */
  history: readonly HistoryEntry[];
  /** When units assigned to it reported being on scene (unit status changes live outside its history). */
  onSceneAt?: readonly string[];
}

const finished: readonly IncidentStatus[] = ['closed', 'merged', 'rejected'];

/**
 * Dispatch → on scene: the history entry types that mark a unit sent to an incident, and those that
 * mark one arriving (besides `onSceneAt`, read from the units' audited status changes). Without any
 * dispatch in the shift the field is left out rather than shown as zero.
 */
export const dispatchEventTypes = {
  dispatched: new Set(['dispatched', 'unit_dispatched', 'unit_assigned']),
  onScene: new Set(['on_scene', 'unit_on_scene', 'unit_arrived', 'arrived']),
};
const claimEvents = new Set(['claimed', 'taken_over', 'handed_over']);

function tally<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}

/** The status an incident had at `t`, replayed from its history (each change records its status). */
export function statusAt(record: IncidentRecord, t: number): IncidentStatus | null {
  let status: IncidentStatus | null = null;
  for (const entry of record.history) {
    if (Date.parse(entry.at) >= t) break;
    status = (entry.data.status as IncidentStatus | undefined) ?? status ?? (record.incident.source === 'camera' ? 'new' : 'verifying');
  }
  return status;
}

/** The shift summary as pure arithmetic over incidents and their histories. */
export function summariseShift(shift: Shift, records: readonly IncidentRecord[], now: Date): ShiftSummary {
  const start = Date.parse(shift.start);
  const end = Date.parse(shift.end);
  const within = (iso: string) => {
    const t = Date.parse(iso);
    return t >= start && t < end;
  };
  const arrived = records.filter((r) => within(r.incident.firstSeenAt));
  const first = (r: IncidentRecord, match: (e: HistoryEntry) => boolean) => r.history.find(match);

  const alertToClaim: number[] = [];
  const claimToAction: number[] = [];
  const verification: number[] = [];
  const dispatchToScene: number[] = [];
  for (const r of records) {
    const claim = first(r, (e) => claimEvents.has(e.type));
    if (claim && within(claim.at)) alertToClaim.push(Date.parse(claim.at) - Date.parse(r.incident.firstSeenAt));
    const action = first(r, (e) => e.type === 'action_recorded');
    if (claim && action && within(action.at)) claimToAction.push(Date.parse(action.at) - Date.parse(claim.at));
    const verdict = first(r, (e) => e.type === 'verified' || e.type === 'rejected');
    if (verdict && within(verdict.at)) verification.push(Date.parse(verdict.at) - Date.parse(r.incident.firstSeenAt));
    const sent = first(r, (e) => dispatchEventTypes.dispatched.has(e.type));
    if (sent) {
      const arrivals = [...r.history.filter((e) => dispatchEventTypes.onScene.has(e.type)).map((e) => e.at), ...(r.onSceneAt ?? [])]
        .map(Date.parse)
        .filter((t) => t >= Date.parse(sent.at));
      const arrived = arrivals.length ? Math.min(...arrivals) : null;
      if (arrived !== null && arrived >= start && arrived < end) dispatchToScene.push(arrived - Date.parse(sent.at));
    }
  }

  const actions = records.flatMap((r) => r.incident.actions.filter((a) => within(a.at)).map((a) => ({ ...a, source: r.incident.source })));
  // A live shift hands over what is open now; a past one what was open when it ended.
  const cutoff = Math.min(end, now.getTime());
  const open = records.filter((r) => {
    if (Date.parse(r.incident.firstSeenAt) >= cutoff) return false;
    const status = end > now.getTime() ? r.incident.status : statusAt(r, end);
    return status !== null && !finished.includes(status);
  });

  return {
    shift,
    counts: {
      total: arrived.length,
      byKind: tally(arrived, (r) => r.incident.kind),
      bySource: tally(arrived, (r) => r.incident.source),
      byStatus: tally(arrived, (r) => r.incident.status),
      byCorridor: tally(arrived, (r) => r.incident.corridorId ?? 'unknown'),
      byHour: tally(arrived, (r) => String(DateTime.fromISO(r.incident.firstSeenAt, { zone: operationsZone }).hour).padStart(2, '0')),
    },
    responseTimes: {
      alertToClaimMs: percentiles(alertToClaim),
      claimToActionMs: percentiles(claimToAction),
      verificationMs: percentiles(verification),
      ...(dispatchToScene.length ? { dispatchToSceneMs: percentiles(dispatchToScene) } : {}),
    },
    actions: {
      byType: tally(actions, (a) => a.type),
      byTrack: tally(actions, (a) => (a.source === 'camera' ? 'camera' : 'social')),
    },
    handover: {
      openIncidents: open.map(({ incident: i }) => ({
        id: i.id,
        kind: i.kind,
        severity: i.severity,
        status: i.status,
        corridorId: i.corridorId,
        claimedBy: i.claimedBy,
        firstSeenAt: i.firstSeenAt,
        plate: i.plate,
      })),
    },
  };
}
