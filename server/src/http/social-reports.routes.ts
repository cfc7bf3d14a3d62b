import { Router, type RequestHandler } from 'express';
import { socialReportSchema } from '@rasd/shared';
import type { SocialIngestService } from '../services/social-ingest.service';
import { requireIngestKey, senderOf } from './auth.middleware';
import { parseInput } from './validate';

export function socialReportRoutes(social: SocialIngestService, keys: ReadonlyMap<string, string>, limit: RequestHandler): Router {
  const router = Router();
  router.post('/api/v1/social-reports', requireIngestKey(keys), limit, async (req, res) => {
    const outcome = await social.ingest(senderOf(res), parseInput(socialReportSchema, req.body));
    res.status(outcome.created ? 201 : 200).json(outcome.result);
  });
  return router;
}
