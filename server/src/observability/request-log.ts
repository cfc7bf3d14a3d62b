import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';

// A caller's own id (nginx's $request_id, a gateway's trace id) is kept when it looks like one.
const refusals = new Set([401, 403, 413, 429]);
const acceptableId = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request's id: the caller's X-Request-Id when sane, otherwise a fresh one. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && acceptableId.test(given) ? given : randomUUID();
}

/**
 * One JSON line per request with its id (echoed as X-Request-Id so a report can quote it), method,
 * path, status, duration and the user id or ingest sender. Never headers, query strings or bodies:
 * they carry session cookies, API keys, passwords and citizens' posts.
 *
 * The same lines pino-http wrote, but nothing is built for a line the level leaves out: pino-http
 * made two child loggers per request up front, which under ingest load (LOG_LEVEL=warn, so no line
 * at all for a 201) was a measurable share of the server's CPU.
 */
export function requestLog(log: Logger) {
  return (req: IncomingMessage & { id?: string }, res: ServerResponse & { locals?: Locals; err?: unknown }, next: () => void) => {
    const id = requestIdOf(req);
    req.id = id;
    res.setHeader('X-Request-Id', id);
    const path = pathOf(req);
    // Probes and scrapes every few seconds would drown the useful lines.
    if (quiet.has(path)) return next();
    const started = Date.now();
    const done = () => {
      res.removeListener('close', done);
      res.removeListener('finish', done);
      const failed = res.err !== undefined || res.statusCode >= 500;
      // Refusals that may be an attack or a misconfigured gateway stand out; a 409 or 404 is daily business.
      const level = failed ? 'error' : refusals.has(res.statusCode) ? 'warn' : 'info';
      if (!log.isLevelEnabled(level)) return;
      const line = {
        req: { id, method: req.method, path },
        userId: res.locals?.user?.id,
        sender: res.locals?.sender,
        res: { statusCode: res.statusCode },
        responseTime: Date.now() - started,
      };
      if (failed) log[level]({ ...line, err: res.err ?? new Error(`failed with status code ${res.statusCode}`) }, 'request errored');
      else log[level](line, res.writableEnded ? 'request completed' : 'request aborted');
    };
    res.on('close', done);
    res.on('finish', done);
    next();
  };
}

interface Locals {
  user?: { id?: string };
  sender?: string;
}
const quiet = new Set(['/healthz', '/readyz', '/metrics']);

function pathOf(req: { url?: string }): string {
  return (req.url ?? '').split('?')[0] ?? '';
}
