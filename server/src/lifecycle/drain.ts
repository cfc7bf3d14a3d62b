import type { Server as HttpServer, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';

/**
 * Graceful shutdown's first half: stop taking new connections, say "not ready", and let the
 * requests already being served finish. Closing the sockets and exiting come after (app.close).
 */
export function createDrain(httpServer: HttpServer, onDraining: () => void = () => undefined) {
  let draining = false;
  const inFlight = new Set<ServerResponse>();
  let wake: (() => void) | null = null;
  let closed: Promise<void> = Promise.resolve();

  return {
    get draining() {
      return draining;
    },

    /** Counts requests in flight; first in the chain so every request is counted. */
    middleware(_req: Request, res: Response, next: NextFunction) {
      inFlight.add(res);
      const done = () => {
        inFlight.delete(res);
        if (inFlight.size === 0) wake?.();
      };
      res.once('finish', done);
      res.once('close', done);
      // A request that arrives on a kept-alive connection while draining is served, then that connection ends.
      if (draining) res.setHeader('Connection', 'close');
      next();
    },

    /**
     * Says "not ready" at once; after `delayMs` (for a load balancer that polls /readyz to notice)
     * stops listening, then resolves once no request is in flight, or after `timeoutMs`. True when
     * everything finished.
     */
    async drain({ delayMs, timeoutMs }: { delayMs: number; timeoutMs: number }): Promise<boolean> {
      if (!draining) {
        draining = true;
        onDraining();
        if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
        // Stop listening: a load balancer's next connection goes to another instance.
        closed = httpServer.listening ? new Promise((resolve) => httpServer.close(() => resolve())) : Promise.resolve();
        httpServer.closeIdleConnections();
        for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
      }
      if (inFlight.size === 0) return true;
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        wake = () => {
          clearTimeout(timer);
          resolve(true);
        };
      });
    },

    /** Resolves when the HTTP server has closed its last connection (after the sockets are closed). */
    closed: () => closed,
  };
}
export type Drain = ReturnType<typeof createDrain>;
