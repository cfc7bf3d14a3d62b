import { wallStatsSchema, type WallStats } from '@rasd/shared';
import { expectAnswer, request } from './http';

/** `GET /api/v1/wall/stats`: the shift's actioned count and median alert-to-claim time. */
export async function fetchWallStats(): Promise<WallStats> {
  return expectAnswer(wallStatsSchema, await request('GET', '/api/v1/wall/stats'), 'wall stats');
}
