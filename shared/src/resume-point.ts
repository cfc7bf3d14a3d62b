/**
 * How late a change may reach a desk after a newer one. With several instances, a desk gets its own
 * instance's changes as soon as they are published and the others' a few milliseconds later,
 * through Redis; if its instance dies in between, the desk holds seq 600 but never got 590.
 */
export const reorderWindowMs = 5_000;

/**
 * Where a desk's catch-up starts after a reconnect: not at the highest seq it holds, but at the
 * highest it held `windowMs` before its newest change arrived, so a change overtaken on the way is
 * fetched too. What comes again is ignored by the per-incident seq rule.
 */
export function createResumePoint(windowMs = reorderWindowMs, now: () => number = Date.now) {
  /** (arrival time, highest seq then), ascending in both. */
  let marks: { at: number; seq: number }[] = [];
  return {
    /** The highest seq the desk holds, whenever it rises. */
    note(seq: number) {
      const at = now();
      if (marks.length > 0 && seq <= marks[marks.length - 1]!.seq) return;
      marks.push({ at, seq });
      // Only the newest mark older than the window can still be asked for; older ones go.
      const cutoff = at - windowMs;
      let keepFrom = 0;
      while (keepFrom + 1 < marks.length && marks[keepFrom + 1]!.at <= cutoff) keepFrom++;
      if (keepFrom > 0) marks = marks.slice(keepFrom);
    },
    /** The seq to catch up from; null while the desk has nothing (it loads the active incidents). */
    since(): number | null {
      if (marks.length === 0) return null;
      const cutoff = marks[marks.length - 1]!.at - windowMs;
      const settled = marks.filter((m) => m.at <= cutoff).pop();
      // Everything held arrived within the window: start from before the first of it.
      return settled ? settled.seq : Math.max(0, marks[0]!.seq - 1);
    },
  };
}
export type ResumePoint = ReturnType<typeof createResumePoint>;
