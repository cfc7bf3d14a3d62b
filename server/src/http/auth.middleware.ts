import type { NextFunction, Request, Response } from 'express';
import { parseCookie } from 'cookie';
import type { Role, SessionUser } from '@rasd/shared';
import type { SessionService } from '../auth/session.service';
import { AppError } from '../errors';

export const sessionCookie = 'rasd_session';

export function sessionIdOf(cookieHeader: string | undefined): string | undefined {
  return cookieHeader ? parseCookie(cookieHeader)[sessionCookie] : undefined;
}

/** The user `requireUser` let through. */
export function userOf(res: Response): SessionUser {
  return res.locals.user as SessionUser;
}

/** The ingest key's name `requireIngestKey` let through. */
export function senderOf(res: Response): string {
  return res.locals.sender as string;
}

/** A logged-in person, optionally of one of `roles`. */
export function requireUser(sessions: SessionService, roles?: readonly Role[]) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const user = await sessions.authenticate(sessionIdOf(req.headers.cookie));
    if (!user) throw new AppError('unauthorized', 'log in first');
    if (roles && !roles.includes(user.role)) throw new AppError('forbidden', `this needs one of the roles: ${roles.join(', ')}`);
    res.locals.user = user;
    next();
  };
}

/** A machine holding one of the ingest keys; the key's name is the alert's sender. */
export function requireIngestKey(keys: ReadonlyMap<string, string>) {
  return (req: Request, res: Response, next: NextFunction) => {
    const match = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
    const sender = match ? keys.get(match[1]!) : undefined;
    if (!sender) throw new AppError('unauthorized', 'a valid ingest key is required (Authorization: Bearer <secret>)');
    res.locals.sender = sender;
    next();
  };
}
