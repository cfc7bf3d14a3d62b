import type { NextFunction, Request, Response } from 'express';
import { parseCookie } from 'cookie';
import type { SessionUser } from '@rasd/shared';
import { allows, type Permission } from '../auth/permissions';
import type { SessionService } from '../auth/session.service';
import { AppError } from '../errors';

export const sessionCookie = 'rasd_session';

export function sessionIdOf(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  // Two session cookies (one tossed in by a sibling site) are ambiguous: trust neither.
  const occurrences = cookieHeader.split(';').filter((part) => part.trim().startsWith(`${sessionCookie}=`)).length;
  return occurrences === 1 ? parseCookie(cookieHeader)[sessionCookie] : undefined;
}

/** The user `requireUser` let through. */
export function userOf(res: Response): SessionUser {
  return res.locals.user as SessionUser;
}

/** The ingest key's name `requireIngestKey` let through. */
export function senderOf(res: Response): string {
  return res.locals.sender as string;
}

/** A logged-in person, optionally one the permission matrix allows. */
export function requireUser(sessions: SessionService, permission?: Permission) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const user = await sessions.authenticate(sessionIdOf(req.headers.cookie));
    if (!user) throw new AppError('unauthorized', 'log in first');
    res.locals.user = user;
    if (permission && !allows(user.role, permission)) throw new AppError('forbidden', `a ${user.role} may not do this (${permission})`);
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
