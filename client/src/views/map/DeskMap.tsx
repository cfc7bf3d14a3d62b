import { useEffect, useState } from 'react';
import { MapContainer, TileLayer } from 'react-leaflet';
import { useTranslation } from 'react-i18next';
import { fetchClientConfig } from '../../api/http';
import { CorridorLayer } from './CorridorLayer';
import { FollowResize } from './FollowResize';
import { IncidentMarkers } from './IncidentMarkers';
import { MapHome } from './MapHome';
import { MapZoom } from './MapZoom';
import { PanToSelection } from './PanToSelection';
import { InterceptMarks } from './InterceptMarks';
import { FitTrack } from './FitTrack';
import { TrackLayer } from './TrackLayer';
import { UnitMarkers } from './UnitMarkers';

/** Greater Cairo, framing the Ring Road. */
const cairoCenter: [number, number] = [30.05, 31.3];
const cairoZoom = 11;

export function DeskMap() {
  const { t } = useTranslation();
  const [tileUrl, setTileUrl] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    void fetchClientConfig().then((config) => !cancelled && setTileUrl(config.tileUrl));
    return () => {
      cancelled = true;
    };
  }, []);

  return (
    <section className="map-pane" aria-label={t('map.label')} data-testid="desk-map">
      <MapContainer
        center={cairoCenter}
        zoom={cairoZoom}
        className="desk-map"
        // No attribution control: its default prefix links to an external site.
        attributionControl={false}
        // Replaced by MapZoom: on the start side of the reading direction, with translated titles.
        zoomControl={false}
        zoomSnap={0.5}
      >
        {tileUrl && <TileLayer url={tileUrl} />}
        <CorridorLayer />
        <IncidentMarkers />
        <TrackLayer />
        <InterceptMarks />
        <UnitMarkers />
        <FitTrack />
        <PanToSelection />
        <MapZoom />
        <MapHome center={cairoCenter} zoom={cairoZoom} />
        <FollowResize />
      </MapContainer>
    </section>
  );
}
