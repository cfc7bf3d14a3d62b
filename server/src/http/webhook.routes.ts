import { Router } from 'express';
import { z } from 'zod';
import { limits, webhookCreateSchema, webhookUpdateSchema } from '@rasd/shared';
import type { SessionService } from '../auth/session.service';
import type { WebhookService } from '../services/webhook.service';
import { requireUser, userOf } from './auth.middleware';
import { parseInput } from './validate';

const idSchema = z.object({ id: z.string().min(1).max(limits.idMax) });

/** Commanders and admins register endpoints, see their delivery log, and switch them on or off. */
export function webhookRoutes(sessions: SessionService, webhooks: WebhookService): Router {
  const router = Router();
  const guard = requireUser(sessions, 'webhooks:manage');
  router.get('/api/v1/webhooks', guard, async (_req, res) => {
    res.json({ webhooks: await webhooks.list() });
  });
  router.post('/api/v1/webhooks', guard, async (req, res) => {
    res.status(201).json(await webhooks.register(userOf(res).username, parseInput(webhookCreateSchema, req.body)));
  });
  router.patch('/api/v1/webhooks/:id', guard, async (req, res) => {
    const { active } = parseInput(webhookUpdateSchema, req.body);
    res.json({ webhook: await webhooks.setActive(userOf(res).username, parseInput(idSchema, req.params).id, active) });
  });
  router.get('/api/v1/webhooks/:id/deliveries', guard, async (req, res) => {
    res.json({ deliveries: await webhooks.deliveries(parseInput(idSchema, req.params).id) });
  });
  return router;
}
