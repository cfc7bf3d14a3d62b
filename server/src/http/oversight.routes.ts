import { Router } from 'express';
import { z } from 'zod';
import { isoDateTimeSchema } from '@rasd/shared';
import type { SessionService } from '../auth/session.service';
import type { OversightService } from '../services/oversight.service';
import { requireUser } from './auth.middleware';
import { parseInput } from './validate';

const summaryQuery = z.object({ at: isoDateTimeSchema.optional() });
const rangeQuery = z
  .object({ from: isoDateTimeSchema, to: isoDateTimeSchema })
  .refine((q) => Date.parse(q.from) < Date.parse(q.to), { message: 'from must be before to', path: ['to'] });

export function oversightRoutes(sessions: SessionService, oversight: OversightService): Router {
  const router = Router();
  router.get('/api/v1/shifts/summary', requireUser(sessions, 'shifts:summary'), async (req, res) => {
    const { at } = parseInput(summaryQuery, req.query);
    res.json(await oversight.shiftSummary(at ? new Date(at) : new Date()));
  });
  router.get('/api/v1/incidents.csv', requireUser(sessions, 'incidents:export'), async (req, res) => {
    const { from, to } = parseInput(rangeQuery, req.query);
    const name = `rasd-incidents-${from.slice(0, 10)}-${to.slice(0, 10)}.csv`;
    res.type('text/csv; charset=utf-8').attachment(name).send(await oversight.incidentsCsv(from, to));
  });
  return router;
}
