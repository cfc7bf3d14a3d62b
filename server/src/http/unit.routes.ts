import { Router, type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import { limits, unitCreateSchema, unitReportSchema, unitStatusChangeSchema, type Unit } from '@rasd/shared';
import type { SessionService } from '../auth/session.service';
import { AppError } from '../errors';
import type { DispatchService } from '../services/dispatch.service';
import type { IncidentQueryService } from '../services/incident-query.service';
import type { UnitService } from '../services/unit.service';
import { requireUser, userOf } from './auth.middleware';
import { parseInput } from './validate';

const idSchema = z.object({ id: z.string().min(1).max(limits.idMax) });
const unitKeyHeader = new RegExp(`^Bearer (.{1,${limits.unitKeyMax}})$`);

/** A unit's device, holding its own key (`Authorization: Bearer <unit key>`). */
function requireUnitKey(units: UnitService) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const match = unitKeyHeader.exec(req.headers.authorization ?? '');
    const unit = match ? await units.authenticate(match[1]!) : null;
    if (!unit) throw new AppError('unauthorized', 'a valid unit key is required (Authorization: Bearer <unit key>)');
    res.locals.unit = unit;
    next();
  };
}
const unitOf = (res: Response) => res.locals.unit as Unit;

/** Units for dashboards and administrators, and the endpoints a unit's device (or tablet) calls. */
export function unitRoutes(sessions: SessionService, units: UnitService, incidents: IncidentQueryService, dispatch: DispatchService): Router {
  const router = Router();
  router.get('/api/v1/units', requireUser(sessions, 'units:read'), async (_req, res) => {
    res.json({ units: await units.list() });
  });
  router.post('/api/v1/units', requireUser(sessions, 'units:manage'), async (req, res) => {
    res.status(201).json(await units.create(userOf(res).username, parseInput(unitCreateSchema, req.body)));
  });
  router.post('/api/v1/units/:id/key', requireUser(sessions, 'units:manage'), async (req, res) => {
    res.json(await units.replaceKey(userOf(res).username, parseInput(idSchema, req.params).id));
  });
  router.patch('/api/v1/units/:id', requireUser(sessions, 'units:status'), async (req, res) => {
    const { status } = parseInput(unitStatusChangeSchema, req.body);
    res.json({ unit: await units.setStatus(userOf(res).username, parseInput(idSchema, req.params).id, status) });
  });

  const device = requireUnitKey(units);
  router.post('/api/v1/unit/reports', device, async (req, res) => {
    res.json({ unit: await units.report(unitOf(res), parseInput(unitReportSchema, req.body)) });
  });
  router.get('/api/v1/unit/me', device, async (_req, res) => {
    const unit = unitOf(res);
    const incident = unit.assignment ? await incidents.get(unit.assignment.incidentId).catch(() => null) : null;
    // The tablet needs the incident itself, not the alerts and history behind it.
    const { alerts: _a, history: _h, ...bare } = incident ?? { alerts: null, history: null };
    res.json({ unit, incident: incident ? bare : null, intercept: incident ? dispatch.interceptFor(unit, incident) : null });
  });
  return router;
}
