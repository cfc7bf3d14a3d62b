import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

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
 */
export function requestLog(log: Logger) {
  return pinoHttp({
    logger: log,
    genReqId: (req, res) => {
      const id = requestIdOf(req);
      res.setHeader('X-Request-Id', id);
      return id;
    },
    // Probes and scrapes every few seconds would drown the useful lines.
    autoLogging: { ignore: (req) => ['/healthz', '/readyz', '/metrics'].includes(pathOf(req)) },
    // Refusals that may be an attack or a misconfigured gateway stand out; a 409 or 404 is daily business.
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : refusals.has(res.statusCode) ? 'warn' : 'info'),
    customProps: (_req, res) => {
      const locals = (res as ServerResponse & { locals?: { user?: { id?: string }; sender?: string } }).locals;
      return { userId: locals?.user?.id, sender: locals?.sender };
    },
    serializers: {
      req: (req: IncomingMessage & { id?: unknown }) => ({ id: req.id, method: req.method, path: pathOf(req) }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    wrapSerializers: false,
  });
}

function pathOf(req: { url?: string }): string {
  return (req.url ?? '').split('?')[0] ?? '';
}
