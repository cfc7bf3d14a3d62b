import { useEffect, useMemo } from 'react';
import { useMap } from 'react-leaflet';
import { activityBounds, activityKey } from '../../lib/fit';
import { useStore } from '../../store';

/**
 * Frames the corridors that have activity. Refits only when that set changes (not on every
 * alert), or when the screen area changes, so the picture on the wall stays still otherwise.
 */
export function FitToActivity() {
  const map = useMap();
  const incidents = useStore((s) => s.incidents);
  const key = useMemo(() => activityKey(Object.values(incidents)), [incidents]);
  useEffect(() => {
    const fit = () => map.fitBounds(activityBounds(Object.values(useStore.getState().incidents)), { padding: [40, 40], maxZoom: 14, animate: false });
    fit();
    map.on('resize', fit);
    return () => {
      map.off('resize', fit);
    };
  }, [key, map]);
  return null;
}
