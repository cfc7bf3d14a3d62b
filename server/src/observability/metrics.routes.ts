import { createHash, timingSafeEqual } from 'node:crypto';
import { Router, type Request } from 'express';
import { AppError } from '../errors';
import type { Metrics } from './metrics';

const loopback = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
// Set by a reverse proxy relaying someone else's request: such a request is not local, whatever its source address.
const relayHeaders = ['x-forwarded-for', 'forwarded', 'x-real-ip'];

/**
 * Who may read /metrics. The figures (client counts, rates, backlog) are not for the public, and a
 * scrape costs a query. With RASD_METRICS_TOKEN set: a request bearing `Authorization: Bearer <token>`,
 * from anywhere. Without it: only a request made on this host directly, not one relayed by a proxy
 * (a proxy on the same host also connects from 127.0.0.1, so its relay headers are what tell).
 */
export function mayReadMetrics(req: Request, token: string | null): boolean {
  if (token) {
    const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    return given !== undefined && sameSecret(given, token);
  }
  const direct = relayHeaders.every((h) => req.headers[h] === undefined);
  return direct && loopback.has(req.socket.remoteAddress ?? '');
}

function sameSecret(a: string, b: string): boolean {
  // Compare digests: constant time, and no early exit on a length difference.
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}

/** GET /metrics in Prometheus' text format. */
export function metricsRoutes(metrics: Metrics, token: string | null): Router {
  const router = Router();
  router.get('/metrics', async (req, res) => {
    if (!mayReadMetrics(req, token)) {
      throw token ? new AppError('unauthorized', 'a metrics token is required') : new AppError('forbidden', 'metrics are readable from this host only');
    }
    res.setHeader('Content-Type', metrics.registry.contentType);
    res.setHeader('Cache-Control', 'no-store');
    res.send(await metrics.registry.metrics());
  });
  return router;
}
