import { memo, useMemo } from 'react';
import L from 'leaflet';
import { Marker, Tooltip } from 'react-leaflet';
import { unitKindLabels, unitStatusLabels, type Unit } from '@rasd/shared';
import { useStore } from '../../store';

// The call sign is escaped: it comes from the server, and divIcon takes HTML.
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function icon(unit: Unit): L.DivIcon {
  return L.divIcon({
    className: `unit-marker unit-marker--${unit.status} unit-marker--${unit.kind} unit-${unit.id}`,
    html: `<span class="unit-glyph" aria-hidden="true"></span><span class="unit-callsign">${escape(unit.callSign)}</span>`,
    iconSize: [0, 0],
  });
}

const UnitMarker = memo(function UnitMarker({ unit }: { unit: Unit }) {
  const language = useStore((s) => s.language);
  const divIcon = useMemo(() => icon(unit), [unit.id, unit.status, unit.kind, unit.callSign]);
  if (!unit.position) return null;
  return (
    <Marker position={[unit.position.lat, unit.position.lon]} icon={divIcon} keyboard={false}>
      <Tooltip direction="top" offset={[0, -14]}>
        <span className="tooltip-primary">{unit.callSign}</span>
        <span className="tooltip-secondary">
          {unitKindLabels[unit.kind][language]} · {unitStatusLabels[unit.status][language]}
        </span>
      </Tooltip>
    </Marker>
  );
});

/** Patrol units where their devices last reported them, coloured by status, moving live. */
export function UnitMarkers() {
  const units = useStore((s) => s.units);
  return (
    <>
      {Object.values(units).map((unit) => (
        <UnitMarker key={unit.id} unit={unit} />
      ))}
    </>
  );
}
