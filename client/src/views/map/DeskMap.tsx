import { useEffect, useState } from 'react';
import { MapContainer, TileLayer } from 'react-leaflet';
import { useTranslation } from 'react-i18next';
import { fetchClientConfig } from '../../api/http';
import { CorridorLayer } from './CorridorLayer';
import { FollowResize } from './FollowResize';
import { IncidentMarkers } from './IncidentMarkers';
import { PanToSelection } from './PanToSelection';

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
        zoomSnap={0.5}
      >
        {tileUrl && <TileLayer url={tileUrl} />}
        <CorridorLayer />
        <IncidentMarkers />
        <PanToSelection />
        <FollowResize />
      </MapContainer>
    </section>
  );
}
