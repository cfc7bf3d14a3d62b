import { Router, type CookieOptions } from 'express';
import { loginRequestSchema, totpConfirmSchema } from '@rasd/shared';
import type { LoginService } from '../auth/login.service';
import type { SessionService } from '../auth/session.service';
import { requireUser, sessionCookie, sessionIdOf, userOf } from './auth.middleware';
import { parseInput } from './validate';

export function sessionRoutes(
  sessions: SessionService,
  logins: LoginService,
  cookie: { secure: boolean; maxAgeMs: number },
  onLogout: (sessionId: string) => void,
): Router {
  const router = Router();
  const options: CookieOptions = { httpOnly: true, sameSite: 'strict', secure: cookie.secure, path: '/', maxAge: cookie.maxAgeMs };

  router.post('/api/v1/session', async (req, res) => {
    const request = parseInput(loginRequestSchema, req.body);
    // A fresh id at every login: a session id planted before login is never promoted.
    await sessions.logout(sessionIdOf(req.headers.cookie));
    const { sessionId, user } = await logins.login(request, req.ip ?? 'unknown');
    res.cookie(sessionCookie, sessionId, options).json({ user });
  });

  router.get('/api/v1/session', requireUser(sessions), (_req, res) => {
    res.json({ user: userOf(res) });
  });

  router.post('/api/v1/session/totp', requireUser(sessions, 'session:totp'), async (_req, res) => {
    res.json(await logins.beginTotp(userOf(res)));
  });
  router.post('/api/v1/session/totp/confirm', requireUser(sessions, 'session:totp'), async (req, res) => {
    await logins.confirmTotp(userOf(res), parseInput(totpConfirmSchema, req.body).code);
    res.status(204).end();
  });

  router.delete('/api/v1/session', async (req, res) => {
    const sessionId = sessionIdOf(req.headers.cookie);
    await sessions.logout(sessionId);
    // The dashboard's open socket goes with the session, at once.
    if (sessionId) onLogout(sessionId);
    res.clearCookie(sessionCookie, { ...options, maxAge: undefined }).status(204).end();
  });
  return router;
}
