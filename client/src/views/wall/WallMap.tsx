import { useTranslation } from 'react-i18next';
import { MapContainer } from 'react-leaflet';
import { allCorridorsBounds } from '../../lib/fit';
import { CorridorLayer } from '../map/CorridorLayer';
import { FollowResize } from '../map/FollowResize';
import { IncidentMarkers } from '../map/IncidentMarkers';
import { FitToActivity } from './FitToActivity';

/** The wall's map: bundled corridors and incidents, no controls and no interaction, framed on the activity. */
export function WallMap() {
  const { t } = useTranslation();
  return (
    <section className="wall-map-pane" aria-label={t('map.label')} data-testid="wall-map">
      <MapContainer
        bounds={allCorridorsBounds}
        className="wall-map"
        attributionControl={false}
        zoomControl={false}
        dragging={false}
        scrollWheelZoom={false}
        doubleClickZoom={false}
        touchZoom={false}
        boxZoom={false}
        keyboard={false}
        zoomSnap={0.25}
      >
        <CorridorLayer />
        <IncidentMarkers wall />
        <FitToActivity />
        <FollowResize />
      </MapContainer>
    </section>
  );
}
