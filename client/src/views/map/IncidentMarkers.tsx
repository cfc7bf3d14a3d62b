import { memo, useMemo, useRef } from 'react';
import { CircleMarker, Pane, Tooltip } from 'react-leaflet';
import { kindLabels, severityLabels, type Incident } from '@rasd/shared';
import { animatedMarkerIds } from '../../lib/alarm';
import { clusterIndexFor, pointsInView, splitPinned, type IndexedIncidents } from '../../lib/clusters';
import { matchesFilters } from '../../lib/filters';
import { activeNewestFirst } from '../../lib/incidents';
import { useStore } from '../../store';
import { ClusterMarker } from './ClusterMarker';
import { HeatLayer } from './HeatLayer';
import { markerStyle } from './marker-style';
import { useMapView } from './use-map-view';
import { useIncidents } from '../use-incidents';

// Memoised: react-leaflet re-positions a marker's tooltip on every render, which costs a layout.
const IncidentMarker = memo(function IncidentMarker({ incident, selected, interactive, animated }: { incident: Incident; selected: boolean; interactive: boolean; animated: boolean }) {
  const language = useStore((s) => s.language);
  const { className, radius, ...pathOptions } = markerStyle(incident, selected, animated);
  return (
    <CircleMarker
      // Leaflet reads className only when the path is created, so a class change must re-create it.
      key={className}
      center={[incident.location.lat, incident.location.lon]}
      radius={radius}
      className={className}
      pathOptions={pathOptions}
      interactive={interactive}
      bubblingMouseEvents={false}
      eventHandlers={interactive ? { click: () => useStore.getState().openIncident(incident.id) } : {}}
    >
      {interactive && (
        <Tooltip direction="top" offset={[0, -radius]}>
          <span className="tooltip-primary">{kindLabels[incident.kind][language]}</span>
          <span className="tooltip-secondary">
            {severityLabels[incident.severity][language]}
            {incident.plate ? ' · ' : ''}
            {incident.plate && <bdi>{incident.plate}</bdi>}
          </span>
        </Tooltip>
      )}
    </CircleMarker>
  );
});

/**
 * Active incidents on the map: nearby ones merge into clusters (supercluster), except the newest
 * critical ones and the selected one, which are drawn on their own and on top. The desk applies its filters and
 * may switch to the heat view; the wall shows everything, non-interactive.
 */
export function IncidentMarkers({ wall = false }: { wall?: boolean }) {
  const incidents = useIncidents();
  const selectedId = useStore((s) => (wall ? null : s.selectedId));
  const filters = useStore((s) => s.filters);
  const heat = useStore((s) => !wall && s.mapMode === 'heat');
  const view = useMapView();

  const { shown, animated, pinned, clustered } = useMemo(() => {
    // Oldest first so the newest markers are drawn on top.
    const list = [...activeNewestFirst(incidents)].reverse();
    const visible = wall ? list : list.filter((i) => matchesFilters(i, filters));
    return { shown: visible, animated: animatedMarkerIds(visible), ...splitPinned(visible, selectedId) };
  }, [incidents, filters, selectedId, wall]);

  const indexed = useRef<IndexedIncidents | null>(null);
  const index = useMemo(() => (indexed.current = clusterIndexFor(indexed.current, clustered)).index, [clustered]);
  const points = useMemo(
    () => (heat ? [] : pointsInView(index, new Map(clustered.map((i) => [i.id, i])), view.bbox, view.zoom)),
    [heat, index, clustered, view],
  );
  const interactive = !wall;

  return (
    <>
      {heat && <HeatLayer incidents={shown} />}
      {points.map((point) =>
        point.type === 'cluster' ? (
          <ClusterMarker key={point.key} cluster={point} interactive={interactive} />
        ) : (
          <IncidentMarker key={point.incident.id} incident={point.incident} selected={false} interactive={interactive} animated={animated.has(point.incident.id)} />
        ),
      )}
      {/* Above Leaflet's marker pane (600), where the cluster icons live: a cluster never covers a critical incident. */}
      <Pane name="rasd-pinned" style={{ zIndex: 650 }}>
        {pinned.map((incident) => (
          <IncidentMarker key={incident.id} incident={incident} selected={incident.id === selectedId} interactive={interactive} animated={animated.has(incident.id)} />
        ))}
      </Pane>
    </>
  );
}
