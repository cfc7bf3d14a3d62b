import corridorData from '../data/corridors.json';

/** A corridor centre-line; positions run in the order of `coordinates` ([lon, lat]). */
export interface CorridorFeature {
  type: 'Feature';
  properties: {
    id: string;
    name_en: string;
    name_ar: string;
    aliases_ar: string[];
    kind: string;
    closed?: boolean;
  };
  geometry: { type: 'LineString'; coordinates: [number, number][] };
}

export interface CorridorCollection {
  type: 'FeatureCollection';
  features: CorridorFeature[];
}

/** Greater Cairo's major corridors (approximate centre-lines; see data/README in ../shared). */
export const corridors = corridorData as unknown as CorridorCollection;

export const corridorIds: readonly string[] = corridors.features.map((f) => f.properties.id);

export function findCorridor(id: string): CorridorFeature | undefined {
  return corridors.features.find((f) => f.properties.id === id);
}
