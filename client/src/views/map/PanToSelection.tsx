import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import { useStore } from '../../store';

const focusZoom = 13;

/** Pans to the selected incident when the list asks for it (click or Enter). */
export function PanToSelection() {
  const map = useMap();
  const focusRequest = useStore((s) => s.focusRequest);

  useEffect(() => {
    if (focusRequest === 0) return;
    const { selectedId, incidents } = useStore.getState();
    const incident = selectedId ? incidents[selectedId] : undefined;
    if (!incident) return;
    const target: [number, number] = [incident.location.lat, incident.location.lon];
    const zoom = Math.max(map.getZoom(), focusZoom);
    const reduceMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    if (reduceMotion) map.setView(target, zoom);
    else map.flyTo(target, zoom, { duration: 0.6 });
  }, [focusRequest, map]);

  return null;
}
