import { z } from 'zod';

/**
 * `GET /api/v1/wall/stats`: the shift figures the wall display shows that the live incident stream
 * cannot give it (incidents actioned and closed before the wall loaded, claim times). Read-only
 * and open to every signed-in role, so the wall needs no commander session.
 */
export const wallStatsSchema = z.object({
  shift: z.object({ start: z.string(), end: z.string(), label: z.string() }),
  /** Incidents with at least one legal action recorded during this shift. */
  actioned: z.number().int(),
  /** Median time from an incident's first alert to its first claim, over claims made this shift (null: none yet). */
  alertToClaimMs: z.object({ p50: z.number().nullable(), n: z.number().int() }),
  /** When the server computed it. */
  at: z.string(),
});
export type WallStats = z.infer<typeof wallStatsSchema>;
