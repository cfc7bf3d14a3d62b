import { Router } from 'express';
import type { SessionService } from '../auth/session.service';
import type { WallService } from '../services/wall.service';
import { requireUser } from './auth.middleware';

/** The wall display's read-only shift figures; any signed-in role may read them. */
export function wallRoutes(sessions: SessionService, wall: WallService): Router {
  const router = Router();
  router.get('/api/v1/wall/stats', requireUser(sessions, 'wall:stats'), async (_req, res) => {
    // Figures of "now": a cached copy would show a stale median on the wall.
    res.set('cache-control', 'no-store').json(await wall.stats());
  });
  return router;
}
