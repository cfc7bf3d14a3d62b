import { useEffect } from 'react';
import { reportAsUnit } from '../../api/units';

const minIntervalMs = 10_000;

/** Reports the tablet's GPS fix as the unit's position, at most every ten seconds, when the browser allows it. */
export function useDevicePosition(key: string | null) {
  useEffect(() => {
    if (!key || !('geolocation' in navigator)) return;
    let last = 0;
    const watch = navigator.geolocation.watchPosition(
      (fix) => {
        if (Date.now() - last < minIntervalMs) return;
        last = Date.now();
        const at = new Date(fix.timestamp).toISOString();
        reportAsUnit(key, { position: { lat: fix.coords.latitude, lon: fix.coords.longitude }, at }).catch(() => undefined);
      },
      // No permission or no fix: the unit is then placed by its dispatcher's radio reports.
      () => undefined,
      { enableHighAccuracy: true, maximumAge: 5_000 },
    );
    return () => navigator.geolocation.clearWatch(watch);
  }, [key]);
}
