import { Router } from 'express';
import { z } from 'zod';
import { incidentListQuerySchema } from '@rasd/shared';
import type { SessionService } from '../auth/session.service';
import type { IncidentQueryService } from '../services/incident-query.service';
import { incidentsToGeoJson } from '../domain/geojson';
import { requireUser } from './auth.middleware';
import { parseInput } from './validate';

const idSchema = z.object({ id: z.string().min(1).max(100) });

export function incidentRoutes(sessions: SessionService, incidents: IncidentQueryService): Router {
  const router = Router();
  router.use('/api/v1/incidents', requireUser(sessions, 'incidents:read'));
  router.get('/api/v1/incidents.geojson', requireUser(sessions, 'incidents:read'), async (req, res) => {
    const { incidents: active } = await incidents.list({ ...parseInput(incidentListQuerySchema, req.query), since: undefined });
    res.type('application/geo+json').send(JSON.stringify(incidentsToGeoJson(active)));
  });
  router.get('/api/v1/incidents', async (req, res) => {
    res.json(await incidents.list(parseInput(incidentListQuerySchema, req.query)));
  });
  router.get('/api/v1/incidents/:id', async (req, res) => {
    res.json(await incidents.get(parseInput(idSchema, req.params).id));
  });
  return router;
}
