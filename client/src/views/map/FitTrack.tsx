import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import { latLngs } from '../../lib/track';
import { useStore } from '../../store';

/** Opening a wrong-way incident frames its whole track (path so far and projected path), once per opening. */
export function FitTrack() {
  const map = useMap();
  const drawerId = useStore((s) => s.drawerId);
  useEffect(() => {
    const track = drawerId ? useStore.getState().incidents[drawerId]?.track : undefined;
    if (!track) return;
    const points = latLngs([...track.trail, ...track.projection.map((p) => p.location)]);
    // After PanToSelection's own move, so the track's frame is what stays.
    const timer = setTimeout(() => map.fitBounds(points, { padding: [60, 60], maxZoom: 14, animate: false }), 700);
    return () => clearTimeout(timer);
  }, [drawerId, map]);
  return null;
}
