import { Router } from 'express';

/** `/healthz`: the process answers. `/readyz`: its dependencies answer too, and it is not shutting down. */
export function healthRoutes(checks: Record<string, () => Promise<unknown>>, isDraining: () => boolean = () => false): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  router.get('/readyz', async (_req, res) => {
    if (isDraining()) {
      // Checked first: a draining instance must leave the load balancer even if its database hangs.
      res.status(503).json({ error: { code: 'unavailable', message: 'shutting down', details: [{ path: 'draining', message: 'shutting down' }] } });
      return;
    }
    const results = await Promise.all(
      Object.entries(checks).map(async ([name, check]) => {
        try {
          await check();
          return [name, 'ok'] as const;
        } catch {
          return [name, 'down'] as const;
        }
      }),
    );
    const ok = results.every(([, state]) => state === 'ok');
    const checksOut = Object.fromEntries(results);
    if (ok) res.json({ ok, checks: checksOut });
    else res.status(503).json({ error: { code: 'unavailable', message: 'a dependency is down', details: results.filter(([, s]) => s !== 'ok').map(([path]) => ({ path, message: 'down' })) } });
  });
  return router;
}
