import { Router } from 'express';
import { z } from 'zod';
import { userCreateSchema, userUpdateSchema } from '@rasd/shared';
import type { SessionService } from '../auth/session.service';
import type { UserService } from '../auth/user.service';
import type { AuditService } from '../services/audit.service';
import { AppError } from '../errors';
import { requireUser, userOf } from './auth.middleware';
import { parseInput } from './validate';

const idSchema = z.object({ id: z.string().min(1).max(100) });

/** Accounts (admin) and the audit chain check (commander, admin). */
export function adminRoutes(sessions: SessionService, users: UserService, audit: AuditService): Router {
  const router = Router();
  router.get('/api/v1/users', requireUser(sessions, 'users:directory'), async (_req, res) => {
    res.json({ users: await users.list() });
  });
  router.post('/api/v1/users', requireUser(sessions, 'users:manage'), async (req, res) => {
    res.status(201).json({ user: await users.create(userOf(res).username, parseInput(userCreateSchema, req.body)) });
  });
  router.patch('/api/v1/users/:id', requireUser(sessions, 'users:manage'), async (req, res) => {
    const { id } = parseInput(idSchema, req.params);
    const change = parseInput(userUpdateSchema, req.body);
    const actor = userOf(res);
    // The last admin could otherwise lock everyone out; another admin can still do it.
    if (id === actor.id && (change.disabled === true || (change.role !== undefined && change.role !== actor.role))) {
      throw new AppError('forbidden', 'you may not disable your own account or change your own role');
    }
    res.json({ user: await users.update(actor.username, id, change) });
  });
  router.get('/api/v1/audit/verify', requireUser(sessions, 'audit:verify'), async (_req, res) => {
    res.json(await audit.verify());
  });
  return router;
}
