import nearestPointOnLine from '@turf/nearest-point-on-line';
import { lineString, point } from '@turf/helpers';
import type { CorridorFeature, GeoPoint } from '@rasd/shared';

/** Vertices per piece: small enough that a point's bounding-box test rules most pieces out. */
const piecePoints = 8;
const kmPerDegreeLat = 111.32;

interface Piece {
  id: string;
  line: ReturnType<typeof lineString>;
  minLon: number;
  maxLon: number;
  minLat: number;
  maxLat: number;
}

/** Overlapping pieces of a centre-line, each with its bounding box grown by `marginKm`. */
function piecesOf(id: string, coordinates: readonly (readonly number[])[], marginKm: number): Piece[] {
  const pieces: Piece[] = [];
  for (let start = 0; start < coordinates.length - 1; start += piecePoints - 1) {
    const coords = coordinates.slice(start, start + piecePoints).map(([lon, lat]) => [lon!, lat!]);
    const lons = coords.map((c) => c[0]!);
    const lats = coords.map((c) => c[1]!);
    const dLat = marginKm / kmPerDegreeLat;
    // A degree of longitude is shortest at the piece's highest latitude: the widest margin in degrees.
    const dLon = marginKm / (kmPerDegreeLat * Math.cos((Math.max(...lats.map(Math.abs)) * Math.PI) / 180));
    pieces.push({
      id,
      line: lineString(coords),
      minLon: Math.min(...lons) - dLon,
      maxLon: Math.max(...lons) + dLon,
      minLat: Math.min(...lats) - dLat,
      maxLat: Math.max(...lats) + dLat,
    });
  }
  return pieces;
}

/**
 * Finds the corridor a point lies on, within `maxKm` of its centre-line (the data is good to 1–2 km).
 * Runs for every detection, so the lines are cut into pieces and only the pieces whose grown
 * bounding box holds the point are measured.
 */
export function createCorridorLocator(features: readonly CorridorFeature[], maxKm = 2) {
  const pieces = features.flatMap((f) => piecesOf(f.properties.id, f.geometry.coordinates, maxKm));
  return (location: GeoPoint): string | null => {
    const { lon, lat } = location;
    const p = point([lon, lat]);
    let best: { id: string; km: number } | null = null;
    for (const piece of pieces) {
      if (lon < piece.minLon || lon > piece.maxLon || lat < piece.minLat || lat > piece.maxLat) continue;
      const km = nearestPointOnLine(piece.line, p, { units: 'kilometers' }).properties.dist;
      if (km <= maxKm && (!best || km < best.km)) best = { id: piece.id, km };
    }
    return best?.id ?? null;
  };
}
export type CorridorLocator = ReturnType<typeof createCorridorLocator>;
