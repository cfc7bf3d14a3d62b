import { CircleMarker, MapContainer, Polyline } from 'react-leaflet';
import { trackPositionAt, type Incident, type Intercept, type Unit } from '@rasd/shared';
import { latLngs, projectionAhead } from '../../lib/track';
import { CorridorLayer } from '../map/CorridorLayer';

/** The unit, the incident (or the wrong-way vehicle and its path ahead) on a small offline map. */
export function UnitMiniMap({ unit, incident, intercept }: { unit: Unit; incident: Incident; intercept: Intercept | null }) {
  const now = Date.now();
  const target = incident.track ? trackPositionAt(incident.track, now).location : incident.location;
  const points: [number, number][] = [[target.lat, target.lon], ...(unit.position ? [[unit.position.lat, unit.position.lon] as [number, number]] : [])];
  return (
    <div className="unit-map" data-testid="unit-map">
      <MapContainer bounds={points.length > 1 ? points : undefined} center={points.length > 1 ? undefined : points[0]} zoom={13} boundsOptions={{ padding: [40, 40] }} attributionControl={false} className="unit-map-inner">
        <CorridorLayer />
        {incident.track && <Polyline positions={latLngs(incident.track.trail)} pathOptions={{ color: '#ff3b30', weight: 6 }} />}
        {incident.track && <Polyline positions={projectionAhead(incident.track, now)} pathOptions={{ color: '#ff9f0a', weight: 4, dashArray: '8 8' }} />}
        <CircleMarker center={[target.lat, target.lon]} radius={10} pathOptions={{ color: '#fff', weight: 3, fillColor: '#ff3b30', fillOpacity: 1 }} />
        {intercept && <CircleMarker center={[intercept.location.lat, intercept.location.lon]} radius={14} pathOptions={{ color: '#30d158', weight: 4, fillOpacity: 0.2, dashArray: '4 4' }} />}
        {unit.position && <CircleMarker center={[unit.position.lat, unit.position.lon]} radius={9} pathOptions={{ color: '#fff', weight: 3, fillColor: '#4fb3ff', fillOpacity: 1 }} />}
      </MapContainer>
    </div>
  );
}
