import { useMemo } from 'react';
import { CircleMarker, Polyline, Tooltip } from 'react-leaflet';
import { useTranslation } from 'react-i18next';
import { trackPositionAt, type Incident, type Track } from '@rasd/shared';
import { formatElapsed } from '../../i18n/format';
import { latLngs, projectionAhead, secondsUntil, trackedIncidents } from '../../lib/track';
import { useStore } from '../../store';
import { useNow } from '../drawer/use-now';
import { useIncidents } from '../use-incidents';

const trail = { color: '#ff3b30', weight: 6, opacity: 0.9 } as const;
const projected = { color: '#ff9f0a', weight: 4, opacity: 0.9, dashArray: '8 8' } as const;

function TrackShape({ incident, selected, now }: { incident: Incident & { track: Track }; selected: boolean; now: number }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const { track } = incident;
  const here = trackPositionAt(track, now);
  const open = () => useStore.getState().openIncident(incident.id);
  return (
    <>
      <Polyline positions={latLngs(track.trail)} pathOptions={trail} className={`track-trail track-trail-${incident.id}`} eventHandlers={{ click: open }} />
      {!here.lost && <Polyline positions={projectionAhead(track, now)} pathOptions={projected} className={`track-projection track-projection-${incident.id}`} interactive={false} />}
      {!here.lost &&
        track.nextCameras.map((camera, i) => (
          <CircleMarker key={camera.cameraId} center={[camera.location.lat, camera.location.lon]} radius={6} className="track-next-camera" pathOptions={{ color: '#ffd60a', fillColor: '#0a0e14', fillOpacity: 1, weight: 3 }}>
            {/* The selected track names its next camera on the map itself. */}
            <Tooltip permanent={selected && i === 0} direction="top" offset={[0, -6]}>
              <bdi>{camera.cameraId}</bdi> · {t('track.in', { t: formatElapsed(secondsUntil(camera.eta, now) * 1000, language) })}
            </Tooltip>
          </CircleMarker>
        ))}
      <CircleMarker
        center={[here.location.lat, here.location.lon]}
        radius={selected ? 11 : 8}
        className={`track-position track-position-${incident.id}${here.lost ? ' track-position--lost' : ''}`}
        pathOptions={{ color: '#ffffff', weight: 3, fillColor: here.lost ? '#8e9aab' : '#ff3b30', fillOpacity: 1 }}
        eventHandlers={{ click: open }}
      >
        <Tooltip direction="top" offset={[0, -10]}>{here.lost ? t('track.lost') : t('track.estimated')}</Tooltip>
      </CircleMarker>
    </>
  );
}

/** Wrong-way tracks: the path so far, the projected path and the estimated position, moving each second. */
export function TrackLayer() {
  const incidents = useIncidents();
  const selectedId = useStore((s) => s.selectedId);
  const now = useNow(1000);
  const tracked = useMemo(() => trackedIncidents(incidents), [incidents]);
  return (
    <>
      {tracked.map((incident) => (
        <TrackShape key={incident.id} incident={incident} selected={incident.id === selectedId} now={now} />
      ))}
    </>
  );
}
