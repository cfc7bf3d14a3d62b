import { useSyncExternalStore } from 'react';
import type { Incident } from '@rasd/shared';
import { alarmingIncidents } from '../../lib/alarm';
import { createAlarmSound, type SoundStatus } from './alarm-sound';
import { useIncidents } from '../use-incidents';

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

/** The alarming incidents (critical, unclaimed), longest-waiting first; computed once per change of incidents. */
export function useAlarming(): readonly Incident[] {
  return alarmingIncidents(useIncidents());
}
