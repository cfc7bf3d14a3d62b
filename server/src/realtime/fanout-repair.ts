import type { Incident } from '@rasd/shared';
import type { Logger } from 'pino';
import type { IncidentQueryService } from '../services/incident-query.service';
import type { Fanout } from './redis-fanout';

/** How often the current seq is noted while Redis is healthy. */
const markEveryMs = 5_000;
/**
 * A change is at risk if it entered the stream just before Redis went down and this instance had
 * not read it yet (a Redis restart without persistence empties the stream). This instance reads
 * within milliseconds; re-sending everything from a mark at least this old covers that with room.
 */
const safetyMs = 5_000;
const pageSize = 5_000;

/**
 * After a Redis outage, re-sends to this instance's own dashboards every change since shortly
 * before the outage. Their sockets never dropped, so they would not catch up by themselves, and a
 * change lost with the stream would otherwise be missing until their next reconnect. Dashboards
 * ignore a seq they already have, so re-sending is harmless.
 */
export function startFanoutRepair(deps: {
  fanout: Fanout;
  incidents: IncidentQueryService;
  emitLocal: (incident: Incident) => void;
  log: Logger;
  onRepaired?: (count: number) => void;
}): () => void {
  const marks: { at: number; seq: number }[] = [];
  const note = async () => {
    // `since` beyond every seq returns no incident, only the current seq.
    const { seq } = await deps.incidents.list({ since: Number.MAX_SAFE_INTEGER, limit: 1 });
    marks.push({ at: Date.now(), seq });
    // Keep what a mark choice can need: the newest ones older than the safety margin, and the first.
    while (marks.length > 4) marks.splice(1, 1);
  };
  const noteSafely = () => void note().catch(() => undefined); // database away: older marks are safer anyway
  noteSafely();
  const timer = setInterval(noteSafely, markEveryMs);
  timer.unref();

  const stopListening = deps.fanout.onRecovered((lostAt) => {
    const usable = marks.filter((m) => m.at <= lostAt - safetyMs);
    const from = (usable.at(-1) ?? marks[0])?.seq ?? 0;
    void resend(from).catch((err: unknown) => deps.log.error({ err }, 'fan-out repair failed; dashboards catch up on their next reconnect'));
  });

  async function resend(since: number) {
    let count = 0;
    for (let cursor = since; ; ) {
      const page = await deps.incidents.list({ since: cursor, limit: pageSize });
      for (const incident of page.incidents) deps.emitLocal(incident);
      count += page.incidents.length;
      if (page.incidents.length < pageSize) break;
      cursor = page.seq;
    }
    deps.log.info({ since, count }, 'Redis is back: re-sent recent changes to this instance’s dashboards');
    deps.onRepaired?.(count);
  }

  return () => {
    clearInterval(timer);
    stopListening();
  };
}
