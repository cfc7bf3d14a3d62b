import { DateTime } from 'luxon';

export const operationsZone = 'Africa/Cairo';

/** Shift start hours in local time, ascending; each shift runs to the next start (the last to the first, next day). */
export const defaultShiftStarts: readonly number[] = [0, 8, 16];

export interface Shift {
  start: string;
  end: string;
  /** Local label, e.g. "2026-11-27 08–16". */
  label: string;
}

/**
 * The shift containing `at`. Boundaries are wall-clock hours in `zone`, so a shift spanning a
 * daylight-saving change is an hour shorter or longer, and the 16–24 shift ends at local midnight.
 */
export function shiftContaining(at: Date, starts: readonly number[] = defaultShiftStarts, zone = operationsZone): Shift {
  const local = DateTime.fromJSDate(at, { zone });
  // A wall-clock hour that does not exist (clocks spring forward) resolves to the first instant after it.
  const wallClock = (day: DateTime, hour: number) => day.startOf('day').set({ hour });
  const candidates = [local.minus({ days: 1 }), local].flatMap((d) => starts.map((hour, i) => ({ dt: wallClock(d, hour), i })));
  const { dt: start, i } = candidates.filter((c) => c.dt <= local).at(-1)!;
  const last = i + 1 === starts.length;
  const next = wallClock(last ? start.plus({ days: 1 }) : start, starts[last ? 0 : i + 1]!);
  const startHour = starts[i]!;
  const endHour = last && starts[0] === 0 ? 24 : starts[last ? 0 : i + 1]!;
  return {
    start: start.toUTC().toISO()!,
    end: next.toUTC().toISO()!,
    label: `${start.toISODate()} ${String(startHour).padStart(2, '0')}–${String(endHour).padStart(2, '0')}`,
  };
}
