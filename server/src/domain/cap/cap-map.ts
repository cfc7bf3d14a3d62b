import centroid from '@turf/centroid';
import { polygon } from '@turf/helpers';
import type { AlertKind, GeoPoint, Severity } from '@rasd/shared';
import type { CapAlert } from './cap-parse';

const severityFromCap: Record<string, Severity> = { Extreme: 'critical', Severe: 'high', Moderate: 'medium', Minor: 'low', Unknown: 'low' };

/** Where a CAP alert points: its first circle's centre, else its first polygon's centroid. */
export function capLocation(cap: CapAlert): GeoPoint | null {
  for (const info of cap.info) {
    for (const area of info.areas) {
      const circle = area.circles[0];
      if (circle) return { lat: circle.lat, lon: circle.lon };
      const ring = area.polygons[0];
      if (ring && ring.length >= 4) {
        const [lon, lat] = centroid(polygon([ring.map(([la, lo]) => [lo, la])])).geometry.coordinates;
        return { lat: lat!, lon: lon! };
      }
    }
  }
  return null;
}

export interface CapReading {
  kind: AlertKind;
  severity: Severity;
  location: GeoPoint | null;
  areaDesc: string | null;
  headline: string | null;
}

/**
 * What a CAP alert means for the room. The kind is read from the event and headline text with the
 * same classifier as social posts; the severity is CAP's, never below what the kind demands.
 */
export function readCap(cap: CapAlert, classify: (text: string) => AlertKind | null, severityOfKind: (k: AlertKind) => Severity): CapReading {
  const info = cap.info[0];
  const kind = classify([info?.event, info?.headline, info?.description].filter(Boolean).join(' ')) ?? 'other';
  const order: Severity[] = ['low', 'medium', 'high', 'critical'];
  const fromCap = severityFromCap[info?.severity ?? 'Unknown'] ?? 'low';
  const fromKind = severityOfKind(kind);
  return {
    kind,
    severity: order.indexOf(fromCap) > order.indexOf(fromKind) ? fromCap : fromKind,
    location: capLocation(cap),
    areaDesc: info?.areas[0]?.areaDesc ?? null,
    headline: info?.headline ?? null,
  };
}
