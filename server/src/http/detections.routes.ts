import { Router, type RequestHandler } from 'express';
import { detectionSchema } from '@rasd/shared';
import type { IngestService } from '../services/ingest.service';
import { requireIngestKey, senderOf } from './auth.middleware';
import { parseInput } from './validate';

export function detectionRoutes(ingest: IngestService, keys: ReadonlyMap<string, string>, limit: RequestHandler): Router {
  const router = Router();
  router.post('/api/v1/detections', requireIngestKey(keys), limit, async (req, res) => {
    const detection = parseInput(detectionSchema, req.body);
    const outcome = await ingest.ingestDetection(senderOf(res), detection);
    res.status(outcome.created ? 201 : 200).json(outcome.result);
  });
  return router;
}
