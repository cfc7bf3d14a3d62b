import { Router } from 'express';
import { historyCsvQuerySchema, historyQuerySchema } from '@rasd/shared';
import type { SessionService } from '../auth/session.service';
import type { HistoryService } from '../services/history.service';
import { requireUser, userOf } from './auth.middleware';
import { parseInput } from './validate';

/** The incident history search and its CSV export (same filters). */
export function historyRoutes(sessions: SessionService, history: HistoryService): Router {
  const router = Router();
  router.get('/api/v1/history/incidents', requireUser(sessions, 'history:search'), async (req, res) => {
    res.json(await history.search(parseInput(historyQuerySchema, req.query), userOf(res)));
  });
  router.get('/api/v1/history/incidents.csv', requireUser(sessions, 'incidents:export'), async (req, res) => {
    const filter = parseInput(historyCsvQuerySchema, req.query);
    const stamp = new Date().toISOString().slice(0, 16).replace(/[^0-9T]/g, '');
    res.type('text/csv; charset=utf-8').attachment(`rasd-history-${stamp}.csv`).send(await history.csv(filter, userOf(res)));
  });
  return router;
}
