import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { handoverRequestSchema, legalActionRequestSchema, verifyRequestSchema } from '@rasd/shared';
import type { Permission } from '../auth/permissions';
import type { SessionService } from '../auth/session.service';
import type { UserService } from '../auth/user.service';
import type { Actor, IncidentCommand } from '../domain/lifecycle';
import { AppError } from '../errors';
import type { IncidentCommandService } from '../services/incident-command.service';
import { requireUser, userOf } from './auth.middleware';
import { parseInput } from './validate';

const idSchema = z.object({ id: z.string().min(1).max(100) });

/** The claim, release, hand-over, take-over, verify, action and close calls: one line each into the domain. */
export function incidentCommandRoutes(sessions: SessionService, users: UserService, commands: IncidentCommandService): Router {
  const router = Router();
  const route = (path: string, permission: Permission, toCommand: (req: Request) => Promise<IncidentCommand> | IncidentCommand, status = 200) =>
    router.post(`/api/v1/incidents/:id/${path}`, requireUser(sessions, permission), async (req: Request, res: Response) => {
      const { id } = parseInput(idSchema, req.params);
      const user = userOf(res);
      const actor: Actor = { userId: user.id, username: user.username, role: user.role };
      res.status(status).json(await commands.execute(id, actor, await toCommand(req)));
    });

  route('claim', 'incidents:claim', () => ({ type: 'claim' }));
  route('release', 'incidents:release', () => ({ type: 'release' }));
  route('takeover', 'incidents:takeover', () => ({ type: 'takeover' }));
  route('close', 'incidents:close', () => ({ type: 'close' }));
  route('verify', 'incidents:verify', (req) => ({ type: 'verify', request: parseInput(verifyRequestSchema, req.body) }));
  route('actions', 'incidents:action', (req) => ({ type: 'action', request: parseInput(legalActionRequestSchema, req.body), actionId: commands.newActionId() }), 201);
  route('handover', 'incidents:handover', async (req) => {
    const { username } = parseInput(handoverRequestSchema, req.body);
    const to = await users.findActive(username);
    if (!to) throw new AppError('invalid_input', `no active user '${username}'`, [{ path: 'username', message: 'unknown or disabled' }]);
    return { type: 'handover', to };
  });
  return router;
}
