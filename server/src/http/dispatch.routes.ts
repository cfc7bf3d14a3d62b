import { Router } from 'express';
import { z } from 'zod';
import { dispatchRequestSchema, limits } from '@rasd/shared';
import type { SessionService } from '../auth/session.service';
import type { DispatchService } from '../services/dispatch.service';
import { requireUser, userOf } from './auth.middleware';
import { parseInput } from './validate';

const idSchema = z.object({ id: z.string().min(1).max(limits.idMax) });

/** The dispatcher's proposal of units (and intercept points) for an incident, and sending them. */
export function dispatchRoutes(sessions: SessionService, dispatch: DispatchService): Router {
  const router = Router();
  const guard = requireUser(sessions, 'incidents:dispatch');
  router.get('/api/v1/incidents/:id/dispatch-proposal', guard, async (req, res) => {
    res.json(await dispatch.proposal(parseInput(idSchema, req.params).id));
  });
  router.post('/api/v1/incidents/:id/dispatch', guard, async (req, res) => {
    const { id } = parseInput(idSchema, req.params);
    const { unitIds } = parseInput(dispatchRequestSchema, req.body);
    const user = userOf(res);
    res.json(await dispatch.dispatch(id, { userId: user.id, username: user.username, role: user.role }, unitIds));
  });
  return router;
}
