import type { WallStats } from '@rasd/shared';
import { summariseShift, type IncidentRecord } from './shift-summary';
import type { Shift } from './shifts';

/**
 * The wall's shift figures. The median claim time reuses the shift summary's arithmetic, so the
 * wall and the commander's summary never disagree about the same shift.
 */
export function summariseWall(shift: Shift, records: readonly IncidentRecord[], now: Date): WallStats {
  const start = Date.parse(shift.start);
  const end = Date.parse(shift.end);
  const within = (iso: string) => {
    const t = Date.parse(iso);
    return t >= start && t < end;
  };
  const actioned = records.filter((r) => r.incident.actions.some((a) => within(a.at))).length;
  const { p50, n } = summariseShift(shift, records, now).responseTimes.alertToClaimMs;
  return { shift, actioned, alertToClaimMs: { p50, n }, at: now.toISOString() };
}
