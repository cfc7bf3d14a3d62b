import { useEffect, useMemo } from 'react';
import { alarmState } from '../../lib/alarm';
import { useStore } from '../../store';
import { alarmSound, useAlarming } from './alarm-driver';

/**
 * Drives the alarm sound from the store: it sounds while an alarming incident is unacknowledged.
 * The wall cannot acknowledge (no one touches it), so it sounds until the incident is claimed,
 * unless the wall was started muted because the desks already sound.
 */
export function AlarmController({ canAcknowledge, muted = false }: { canAcknowledge: boolean; muted?: boolean }) {
  const alarming = useAlarming();
  const acks = useStore((s) => s.alarmAcks);
  const key = alarming.map((i) => i.id).join(',');
  const ids = useMemo(() => (key ? key.split(',') : []), [key]);

  useEffect(() => useStore.getState().reconcileAlarms(ids), [ids]);

  const state = alarmState(ids, canAcknowledge ? acks : {});
  useEffect(() => {
    if (state === 'sounding' && !muted) alarmSound.start();
    else alarmSound.stop();
  }, [state, muted]);
  useEffect(() => () => alarmSound.stop(), []);

  return null;
}
