import { memo } from 'react';
import { Polyline, Tooltip } from 'react-leaflet';
import { corridors } from '@rasd/shared';
import { useStore } from '../../store';

const corridorStyle = { color: '#4f8fc0', weight: 4, opacity: 0.85, lineCap: 'round', lineJoin: 'round' } as const;

// GeoJSON positions are [lon, lat]; Leaflet wants [lat, lon]. Converted once: the data is static.
const corridorLines = corridors.features.map((feature) => ({
  ...feature.properties,
  positions: feature.geometry.coordinates.map(([lon, lat]): [number, number] => [lat, lon]),
}));

/** The bundled corridor centre-lines: the basemap that works with no network at all. */
export const CorridorLayer = memo(function CorridorLayer() {
  const language = useStore((s) => s.language);
  return (
    <>
      {corridorLines.map(({ id, name_ar, name_en, positions }) => {
        const [primary, secondary] = language === 'ar' ? [name_ar, name_en] : [name_en, name_ar];
        return (
          <Polyline key={id} positions={positions} pathOptions={corridorStyle} className={'corridor corridor-' + id}>
            <Tooltip sticky>
              <span className="tooltip-primary" lang={language}>{primary}</span>
              <span className="tooltip-secondary">{secondary}</span>
            </Tooltip>
          </Polyline>
        );
      })}
    </>
  );
});
