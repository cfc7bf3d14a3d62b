import type { AlertKind, Incident, Severity } from '@rasd/shared';
import { isAlarming } from '../../lib/alarm';

export const kindColors: Record<AlertKind, string> = {
  wrong_way: '#ff3b30',
  reckless: '#ff9f0a',
  racing: '#ff4fd8',
  speeding: '#ffd60a',
  stopped_vehicle: '#64d2ff',
  other: '#c7c7cc',
};

const severityRadius: Record<Severity, number> = { critical: 15, high: 12, medium: 9, low: 7 };

export interface MarkerStyle {
  className: string;
  radius: number;
  color: string;
  fillColor: string;
  fillOpacity: number;
  weight: number;
  dashArray: string | undefined;
}

/** Leaflet puts `className` on the SVG path; the first two classes are the e2e hooks. */
export function markerClassName(incident: Incident, animated = true): string {
  const classes = ['incident-marker', 'incident-' + incident.id, 'kind-' + incident.kind, 'severity-' + incident.severity];
  // Only the most dangerous case pulses, so the animation keeps its meaning; beyond the few that
  // move (lib/alarm animatedMarkerIds), a critical marker keeps a still, thick outline.
  if (incident.severity === 'critical') classes.push(animated ? 'incident-marker--pulse' : 'incident-marker--still');
  // Flashes until someone claims it (lib/alarm); an escalated one keeps a ring after that.
  if (isAlarming(incident)) classes.push('incident-marker--alarm');
  if (incident.escalatedAt) classes.push('incident-marker--escalated');
  return classes.join(' ');
}

export function markerStyle(incident: Incident, selected: boolean, animated = true): MarkerStyle {
  const color = kindColors[incident.kind];
  return {
    className: markerClassName(incident, animated),
    radius: severityRadius[incident.severity] + (selected ? 3 : 0),
    color: selected ? '#ffffff' : color,
    fillColor: color,
    fillOpacity: incident.claimedBy ? 0.45 : 0.85,
    weight: selected ? 4 : 2,
    // Dashed outline: a social report not yet verified, so not yet actionable.
    dashArray: incident.status === 'verifying' ? '4 3' : undefined,
  };
}
