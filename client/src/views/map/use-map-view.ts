import { useEffect, useState } from 'react';
import type { Map as LeafletMap } from 'leaflet';
import { useMap } from 'react-leaflet';

export interface MapView {
  bbox: [number, number, number, number];
  zoom: number;
}

function viewOf(map: LeafletMap): MapView {
  const b = map.getBounds();
  return { bbox: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], zoom: map.getZoom() };
}

/** The map's visible box ([west, south, east, north]) and zoom, updated when a move or zoom ends. */
export function useMapView(): MapView {
  const map = useMap();
  const [view, setView] = useState<MapView>(() => viewOf(map));
  useEffect(() => {
    const update = () => setView(viewOf(map));
    map.on('moveend', update);
    update();
    return () => {
      map.off('moveend', update);
    };
  }, [map]);
  return view;
}
