import { useDeferredValue } from 'react';
import type { Incident } from '@rasd/shared';
import { useStore } from '../store';

/**
 * The incidents for views that draw all of them (map, queue, alarm, wall). A live change is drawn
 * in a background render React can interrupt, so a pan, a key press or a click during a busy
 * stream is handled at once instead of waiting behind thousands of markers and cards; the change
 * still shows within a frame or two.
 */
export function useIncidents(): Record<string, Incident> {
  return useDeferredValue(useStore((s) => s.incidents));
}
