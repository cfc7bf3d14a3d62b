import './leaflet-global';
import 'leaflet.heat';
import { useEffect, useMemo, useRef } from 'react';
import L, { type HeatLatLngTuple, type HeatLayer as LeafletHeatLayer } from 'leaflet';
import { useMap } from 'react-leaflet';
import type { Incident, Severity } from '@rasd/shared';

const weight: Record<Severity, number> = { critical: 1, high: 0.7, medium: 0.45, low: 0.3 };

/** Colour ramp chosen to stay visible on the dark basemap; red means many or severe incidents. */
const gradient = { 0.2: '#1e6fd9', 0.45: '#2ad1c9', 0.65: '#ffd60a', 0.85: '#ff9f0a', 1: '#ff3b30' };

/** A heat view of incidents (leaflet.heat on a canvas), weighted by severity. */
export function HeatLayer({ incidents }: { incidents: readonly Incident[] }) {
  const map = useMap();
  const layer = useRef<LeafletHeatLayer | null>(null);
  const points = useMemo(
    () => incidents.map((i): HeatLatLngTuple => [i.location.lat, i.location.lon, weight[i.severity]]),
    [incidents],
  );

  useEffect(() => {
    const heat = L.heatLayer([], { radius: 28, blur: 22, maxZoom: 14, minOpacity: 0.35, gradient });
    heat.addTo(map);
    layer.current = heat;
    return () => {
      heat.remove();
      layer.current = null;
    };
  }, [map]);

  useEffect(() => {
    layer.current?.setLatLngs(points);
  }, [points]);

  return null;
}
