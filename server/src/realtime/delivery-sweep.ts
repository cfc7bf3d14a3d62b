import type { Incident } from '@rasd/shared';
import type { Logger } from 'pino';
import type { Database } from '../db/database';
import { incidentRepository as repo } from '../repositories/incident.repository';

const sweepEveryMs = 1_000;
/** A change not delivered here this long after this instance first saw it stored is sent by the sweep. */
const graceMs = 2_000;
const pageSize = 5_000;

/**
 * The other half of "persist, then publish" when several instances run: an instance can die after
 * a change committed and before it published it (its caller gets no answer; a camera gateway
 * retries and is told "duplicate"). Desks connected to other instances would then never get that
 * change live, and would not catch up until they reconnect. So each instance watches the change log
 * (ids and seqs, once a second) and sends its own desks any change that did not reach them through
 * the fan-out within a grace period. In normal operation every change arrives live first and the
 * sweep sends nothing; desks ignore a seq they already have, so a late duplicate is harmless.
 */
export function startDeliverySweep(deps: { db: Database; emitLocal: (incident: Incident) => void; log: Logger; onSwept?: (count: number) => void }) {
  /** Seqs of changes delivered to this instance's desks, newer than `cursor`. */
  const delivered = new Set<number>();
  /** Seqs stored but not delivered yet, with when the sweep first saw them. */
  const pending = new Map<number, number>();
  let cursor: number | null = null;
  let running = false;

  async function sweep() {
    if (running) return;
    running = true;
    try {
      if (cursor === null) {
        // Start from now: what was stored before this instance started is its desks' catch-up's business.
        const [last] = await deps.db.query<{ seq: number | null }>('SELECT max(seq) AS seq FROM incidents');
        cursor = Number(last?.seq ?? 0);
        return;
      }
      const changes = await repo.seqsSince(deps.db, cursor, pageSize);
      const now = Date.now();
      const due: { id: string; seq: number }[] = [];
      let settled = cursor;
      let blocked = false;
      for (const change of changes) {
        if (delivered.has(change.seq)) {
          // delivered live: nothing to do
        } else if (now - (pending.get(change.seq) ?? now) >= graceMs) {
          due.push(change);
        } else {
          if (!pending.has(change.seq)) pending.set(change.seq, now);
          blocked = true;
        }
        // The cursor moves past a contiguous run of settled changes only.
        if (!blocked) settled = change.seq;
      }
      for (const { id } of due) {
        const incident = await repo.get(deps.db, id);
        if (incident) deps.emitLocal(incident);
      }
      if (due.length > 0) {
        deps.log.warn({ count: due.length }, 'sent desks changes the fan-out had not delivered (an instance died between commit and publish?)');
        deps.onSwept?.(due.length);
      }
      cursor = settled;
      for (const seq of delivered) if (seq <= settled) delivered.delete(seq);
      for (const seq of pending.keys()) if (seq <= settled) pending.delete(seq);
    } catch {
      // The database is away: the next round retries from the same cursor.
    } finally {
      running = false;
    }
  }

  const timer = setInterval(() => void sweep(), sweepEveryMs);
  timer.unref();
  void sweep();
  return {
    /** Called for every incident change delivered to this instance's desks, whatever the path. */
    noteDelivered(seq: number) {
      if (cursor === null || seq > cursor) delivered.add(seq);
    },
    stop: () => clearInterval(timer),
  };
}
