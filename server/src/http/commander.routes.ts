import { Router } from 'express';
import { handoverNotesRequestSchema, pressExportQuerySchema, pressUpdateRequestSchema, shiftAtBodySchema, shiftAtQuerySchema } from '@rasd/shared';
import type { SessionService } from '../auth/session.service';
import type { CommanderService } from '../services/commander.service';
import type { OversightService } from '../services/oversight.service';
import { requireUser, userOf } from './auth.middleware';
import { parseInput } from './validate';

const atOf = (query: unknown) => {
  const { at } = parseInput(shiftAtQuerySchema, query);
  return at ? new Date(at) : new Date();
};

/** The commander's page: printable report, handover to the next shift, press statement. */
export function commanderRoutes(sessions: SessionService, oversight: OversightService, commander: CommanderService): Router {
  const router = Router();
  const read = requireUser(sessions, 'shifts:summary');
  const write = requireUser(sessions, 'shifts:handover');
  const press = requireUser(sessions, 'press:manage');

  router.get('/api/v1/shifts/report', read, async (req, res) => {
    res.json(await oversight.report(atOf(req.query)));
  });

  router.get('/api/v1/shifts/handover', read, async (req, res) => {
    res.json(await commander.handover(atOf(req.query)));
  });
  router.put('/api/v1/shifts/handover', write, async (req, res) => {
    const { at, notes } = parseInput(handoverNotesRequestSchema, req.body);
    res.json(await commander.changeHandover(new Date(at), userOf(res), { notes }));
  });
  for (const act of ['submit', 'acknowledge'] as const) {
    router.post(`/api/v1/shifts/handover/${act}`, write, async (req, res) => {
      const { at } = parseInput(shiftAtBodySchema, req.body);
      res.json(await commander.changeHandover(new Date(at), userOf(res), act));
    });
  }

  router.get('/api/v1/shifts/press', press, async (req, res) => {
    res.json(await commander.press(atOf(req.query)));
  });
  router.put('/api/v1/shifts/press', press, async (req, res) => {
    const { at, ar, en } = parseInput(pressUpdateRequestSchema, req.body);
    res.json(await commander.savePress(new Date(at), userOf(res), { ar, en }));
  });
  router.post('/api/v1/shifts/press/approve', press, async (req, res) => {
    const { at } = parseInput(shiftAtBodySchema, req.body);
    res.json(await commander.approvePress(new Date(at), userOf(res)));
  });
  router.get('/api/v1/shifts/press/export', press, async (req, res) => {
    const { at, lang } = parseInput(pressExportQuerySchema, req.query);
    const { shift, text } = await commander.exportPress(new Date(at), userOf(res), lang);
    const name = `rasd-press-${shift.start.slice(0, 13).replace(/[^0-9T]/g, '')}-${lang}.txt`;
    res.type('text/plain; charset=utf-8').attachment(name).send('\uFEFF' + text);
  });
  return router;
}
