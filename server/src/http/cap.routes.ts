import express, { Router, type Request, type RequestHandler } from 'express';
import { z } from 'zod';
import { limits } from '@rasd/shared';
import type { SessionService } from '../auth/session.service';
import { capAtomFeed } from '../domain/cap/cap-feed';
import { incidentToCap } from '../domain/cap/cap-format';
import { wrongWaySituationPublication } from '../domain/datex/situation-publication';
import { AppError } from '../errors';
import type { CapIngestService } from '../services/cap-ingest.service';
import type { IncidentQueryService } from '../services/incident-query.service';
import { requireIngestKey, requireUser, senderOf } from './auth.middleware';
import { parseInput } from './validate';

const idSchema = z.object({ id: z.string().min(1).max(limits.idMax) });
const capTypes = ['application/cap+xml', 'application/xml', 'text/xml'];
const baseUrl = (req: Request) => `${req.protocol}://${req.get('host')}`;

/** CAP 1.2 in (ingest key) and out (any user): single incidents and an Atom feed; DATEX II v3 out for road operators. */
export function capRoutes(deps: { sessions: SessionService; keys: ReadonlyMap<string, string>; limit: RequestHandler; capIn: CapIngestService; incidents: IncidentQueryService; sender: string }): Router {
  const router = Router();
  router.post('/api/v1/cap', requireIngestKey(deps.keys), deps.limit, express.text({ type: capTypes, limit: limits.bodyBytesMax }), async (req, res) => {
    if (typeof req.body !== 'string') {
      throw new AppError('invalid_input', `send the CAP alert as ${capTypes.slice(0, 2).join(' or ')}`, [{ path: 'content-type', message: 'not an XML type' }]);
    }
    const outcome = await deps.capIn.ingest(senderOf(res), req.body);
    res.status(outcome.created ? 201 : 200).json(outcome.result);
  });
  router.get('/api/v1/incidents/:id/cap', requireUser(deps.sessions, 'incidents:read'), async (req, res) => {
    const incident = await deps.incidents.get(parseInput(idSchema, req.params).id);
    res.type('application/cap+xml').send(incidentToCap(incident, { sender: deps.sender, web: `${baseUrl(req)}/?incident=${incident.id}` }));
  });
  router.get('/api/v1/datex2/situations', requireUser(deps.sessions, 'incidents:read'), async (_req, res) => {
    const { incidents } = await deps.incidents.list({});
    res.type('application/xml').send(wrongWaySituationPublication(incidents, new Date().toISOString()));
  });
  router.get('/api/v1/cap/feed', requireUser(deps.sessions, 'incidents:read'), async (req, res) => {
    const { incidents } = await deps.incidents.list({});
    res.type('application/atom+xml').send(capAtomFeed(incidents, { baseUrl: baseUrl(req), updated: new Date().toISOString() }));
  });
  return router;
}
