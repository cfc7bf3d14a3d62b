import { wallStatsSchema, type WallStats } from '@rasd/shared';
import { ApiError, request } from './http';

/** `GET /api/v1/wall/stats`: the shift's actioned count and median alert-to-claim time. */
export async function fetchWallStats(): Promise<WallStats> {
  const parsed = wallStatsSchema.safeParse(await request('GET', '/api/v1/wall/stats'));
  if (!parsed.success) throw new ApiError(200, 'bad_response', 'unexpected wall stats');
  return parsed.data;
}
