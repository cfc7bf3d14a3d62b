import type { Producer } from './producer';
import type { Schema } from './services';

/**
 * What the database holds for a producer's detections: every 2xx answer's alert, exactly once per
 * eventId, and nothing for an event that was never answered 2xx.
 */
export async function checkStored(database: Pick<Schema, 'query'>, producer: Producer, tag: string) {
  const rows = await database.query<{ event_id: string; id: string; n: number }>(
    `SELECT event_id, min(id) AS id, count(*)::int AS n FROM alerts WHERE event_id LIKE $1 GROUP BY event_id`,
    [`FAULT-${tag}:%`],
  );
  const byEvent = new Map(rows.map((r) => [r.event_id, r]));
  let answeredButMissing = 0;
  let idMismatch = 0;
  for (const [eventId, answer] of producer.accepted) {
    const row = byEvent.get(eventId);
    if (!row) answeredButMissing += 1;
    else if (row.id !== answer.alertId) idMismatch += 1;
  }
  return {
    storedEvents: rows.length,
    storedMoreThanOnce: rows.filter((r) => r.n > 1).length,
    answered2xxButMissing: answeredButMissing,
    answerIdMismatch: idMismatch,
    storedWithout2xx: rows.filter((r) => !producer.accepted.has(r.event_id)).length,
  };
}
