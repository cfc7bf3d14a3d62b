import { useEffect, useRef, useState } from 'react';
import type { WallStats } from '@rasd/shared';
import { fetchWallStats } from '../../api/wall';
import { useStore } from '../../store';

/** A quiet room still refreshes twice a minute (and the shift boundary is crossed on time). */
const pollMs = 30_000;
/**
 * After any change (a claim, an action) the figures follow within a few seconds; changes inside
 * that window share one request, so a busy stream costs the server one summary per window.
 */
const afterChangeMs = 3_000;

/** The wall's server-side figures; the last good answer stays on screen while a refresh fails. */
export function useWallStats(): { stats: WallStats | null; stale: boolean } {
  const [stats, setStats] = useState<WallStats | null>(null);
  const [stale, setStale] = useState(false);
  const connection = useStore((s) => s.connection);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    let cancelled = false;
    const load = () => {
      pending.current = undefined;
      fetchWallStats()
        .then((next) => {
          if (cancelled) return;
          setStats(next);
          setStale(false);
        })
        .catch(() => !cancelled && setStale(true));
    };
    const soon = () => {
      pending.current ??= setTimeout(load, afterChangeMs);
    };
    load();
    const timer = setInterval(load, pollMs);
    const unsubscribe = useStore.subscribe((state, previous) => {
      if (state.incidents !== previous.incidents) soon();
    });
    return () => {
      cancelled = true;
      clearInterval(timer);
      clearTimeout(pending.current);
      unsubscribe();
    };
  }, []);

  // Back online: refresh at once rather than at the next poll.
  useEffect(() => {
    if (connection === 'connected') void fetchWallStats().then(setStats, () => setStale(true));
  }, [connection]);

  return { stats, stale: stale || connection !== 'connected' };
}
