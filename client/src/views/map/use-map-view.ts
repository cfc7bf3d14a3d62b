import { useEffect, useState } from 'react';
import { useMap } from 'react-leaflet';

export interface MapView {
  bbox: [number, number, number, number];
  zoom: number;
}

/** The map's visible box ([west, south, east, north]) and zoom, updated when a move or zoom ends. */
export function useMapView(): MapView {
  const map = useMap();
  const read = (): MapView => {
    const b = map.getBounds();
    return { bbox: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], zoom: map.getZoom() };
  };
  const [view, setView] = useState<MapView>(read);
  useEffect(() => {
    const update = () => setView(read());
    map.on('moveend', update);
    update();
    return () => {
      map.off('moveend', update);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `read` only closes over `map`
  }, [map]);
  return view;
}
