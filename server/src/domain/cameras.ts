import type { Carriageway, CorridorFeature, GeoPoint } from '@rasd/shared';
import { corridorLine, pointAt, type CorridorLine } from './geo/corridor-line';

export interface Camera {
  id: string;
  corridorId: string;
  /** The carriageway the camera faces; its lawful direction is `lawfulDirection(carriageway)`. */
  carriageway: Carriageway;
  /** Distance from the corridor's first vertex, km. */
  km: number;
  location: GeoPoint;
}

/** Travel direction along a corridor's km that is lawful on a carriageway. */
export const lawfulDirection = (carriageway: Carriageway): 1 | -1 => (carriageway === 'forward' ? 1 : -1);

function code(corridorId: string): string {
  return corridorId
    .split('_')
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

/**
 * Cameras every `spacingKm` along each corridor, one facing each carriageway, named
 * `<corridor initials>-<F|B>-<nnn>` (e.g. `RR-F-007`: Ring Road, forward carriageway, 7th).
 */
export function placeCameras(lines: readonly CorridorLine[], spacingKm = 2.5): Camera[] {
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

/** The camera registry: where each camera stands, shared by the simulator and track folding. */
export interface CameraRegistry {
  readonly cameras: readonly Camera[];
  readonly lines: ReadonlyMap<string, CorridorLine>;
  byId(id: string): Camera | undefined;
  /** The cameras facing one carriageway of one corridor, by increasing km. */
  onCarriageway(corridorId: string, carriageway: Carriageway): readonly Camera[];
}

export function createCameraRegistry(features: readonly CorridorFeature[], spacingKm = 2.5): CameraRegistry {
  const lines = new Map(features.map((f) => [f.properties.id, corridorLine(f)]));
  const cameras = placeCameras([...lines.values()], spacingKm);
  const byId = new Map(cameras.map((c) => [c.id, c]));
  const byCarriageway = new Map<string, Camera[]>();
  for (const c of cameras) {
    const key = `${c.corridorId}/${c.carriageway}`;
    byCarriageway.set(key, [...(byCarriageway.get(key) ?? []), c]);
  }
  return {
    cameras,
    lines,
    byId: (id) => byId.get(id),
    onCarriageway: (corridorId, carriageway) => byCarriageway.get(`${corridorId}/${carriageway}`) ?? [],
  };
}
