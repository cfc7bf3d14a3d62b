import { useMemo, useSyncExternalStore } from 'react';
import type { Incident } from '@rasd/shared';
import { alarmingIncidents } from '../../lib/alarm';
import { useStore } from '../../store';
import { createAlarmSound, type SoundStatus } from './alarm-sound';

/** One alarm sound per page, whatever mounts it; its status is readable from React. */
const listeners = new Set<() => void>();
export const alarmSound = createAlarmSound(() => {
  for (const l of listeners) l();
});

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSoundStatus(): SoundStatus {
  return useSyncExternalStore(subscribe, alarmSound.status);
}

/** The alarming incidents (critical, unclaimed), longest-waiting first; recomputed only when incidents change. */
export function useAlarming(): Incident[] {
  const incidents = useStore((s) => s.incidents);
  return useMemo(() => alarmingIncidents(incidents), [incidents]);
}
