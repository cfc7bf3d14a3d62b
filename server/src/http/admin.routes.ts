import { Router } from 'express';
import { z } from 'zod';
import { userCreateSchema, userUpdateSchema } from '@rasd/shared';
import type { SessionService } from '../auth/session.service';
import type { UserService } from '../auth/user.service';
import type { AuditService } from '../services/audit.service';
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
    res.json({ user: await users.update(userOf(res).username, id, parseInput(userUpdateSchema, req.body)) });
  });
  router.get('/api/v1/audit/verify', requireUser(sessions, 'audit:verify'), async (_req, res) => {
    res.json(await audit.verify());
  });
  return router;
}
