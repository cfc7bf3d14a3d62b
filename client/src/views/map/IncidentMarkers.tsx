import { useMemo } from 'react';
import { CircleMarker, Tooltip } from 'react-leaflet';
import { kindLabels, severityLabels, type Incident } from '@rasd/shared';
import { activeNewestFirst } from '../../lib/incidents';
import { useStore } from '../../store';
import { markerStyle } from './marker-style';

function IncidentMarker({ incident, selected }: { incident: Incident; selected: boolean }) {
  const language = useStore((s) => s.language);
  const { className, radius, ...pathOptions } = markerStyle(incident, selected);
  return (
    <CircleMarker
      // Leaflet reads className only when the path is created, so a class change must re-create it.
      key={className}
      center={[incident.location.lat, incident.location.lon]}
      radius={radius}
      className={className}
      pathOptions={pathOptions}
      bubblingMouseEvents={false}
      eventHandlers={{ click: () => useStore.getState().openIncident(incident.id) }}
    >
      <Tooltip direction="top" offset={[0, -radius]}>
        <span className="tooltip-primary">{kindLabels[incident.kind][language]}</span>
        <span className="tooltip-secondary">
          {severityLabels[incident.severity][language]}
          {incident.plate ? ' · ' : ''}
          {incident.plate && <bdi>{incident.plate}</bdi>}
        </span>
      </Tooltip>
    </CircleMarker>
  );
}

export function IncidentMarkers() {
  const incidents = useStore((s) => s.incidents);
  const selectedId = useStore((s) => s.selectedId);
  // Oldest first so the newest markers are drawn on top.
  const active = useMemo(() => activeNewestFirst(incidents).reverse(), [incidents]);
  return (
    <>
      {active.map((incident) => (
        <IncidentMarker
          key={incident.id}
          incident={incident}
          selected={incident.id === selectedId}
        />
      ))}
    </>
  );
}
