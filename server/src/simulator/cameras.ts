import along from '@turf/along';
import bearing from '@turf/bearing';
import { lineString } from '@turf/helpers';
import length from '@turf/length';
import type { CorridorFeature, GeoPoint } from '@rasd/shared';

/** `forward` carriageway's lawful direction runs in the order of the corridor's coordinates. */
export type Carriageway = 'forward' | 'backward';

export interface Camera {
  id: string;
  corridorId: string;
  carriageway: Carriageway;
  /** Distance from the corridor's first vertex, km. */
  km: number;
  location: GeoPoint;
}

export interface CorridorLine {
  id: string;
  lengthKm: number;
  line: ReturnType<typeof lineString>;
}

export function corridorLine(feature: CorridorFeature): CorridorLine {
  const line = lineString(feature.geometry.coordinates);
  return { id: feature.properties.id, lengthKm: length(line, { units: 'kilometers' }), line };
}

export function pointAt(corridor: CorridorLine, km: number): GeoPoint {
  const [lon, lat] = along(corridor.line, Math.min(Math.max(km, 0), corridor.lengthKm), { units: 'kilometers' }).geometry.coordinates;
  return { lat: lat!, lon: lon! };
}

/** Compass heading of travel at `km` when moving towards increasing (`+1`) or decreasing (`-1`) km. */
export function headingAt(corridor: CorridorLine, km: number, direction: 1 | -1): number {
  const a = pointAt(corridor, km);
  const b = pointAt(corridor, km + direction * 0.05);
  return (bearing([a.lon, a.lat], [b.lon, b.lat]) + 360) % 360;
}

function code(corridorId: string): string {
  return corridorId
    .split('_')
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

/** Cameras every `spacingKm` along each corridor, one facing each carriageway. */
export function placeCameras(lines: readonly CorridorLine[], spacingKm = 3): Camera[] {
  const cameras: Camera[] = [];
  for (const corridor of lines) {
    const count = Math.max(2, Math.floor(corridor.lengthKm / spacingKm));
    for (let i = 0; i < count; i++) {
      const km = ((i + 0.5) * corridor.lengthKm) / count;
      const location = pointAt(corridor, km);
      const n = String(i + 1).padStart(3, '0');
      cameras.push({ id: `${code(corridor.id)}-F-${n}`, corridorId: corridor.id, carriageway: 'forward', km, location });
      cameras.push({ id: `${code(corridor.id)}-B-${n}`, corridorId: corridor.id, carriageway: 'backward', km, location });
    }
  }
  return cameras;
}
