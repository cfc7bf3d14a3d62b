import type { CorridorFeature, GeoPoint } from '@rasd/shared';

/** Vertices per piece: small enough that a point's bounding-box test rules most pieces out. */
const piecePoints = 8;
const kmPerDegreeLat = 111.32;
/** The earth's mean radius in km, as turf measures distances. */
const earthRadiusKm = 6371008.8 / 1000;

/*
 * The same great-circle geometry as @turf/nearest-point-on-line (the points as unit vectors, the
 * nearest point of a segment where the great circle through the point perpendicular to the segment
 * meets it) and turf's haversine distance, written out operation for operation so the results are
 * the same numbers; but each segment's vectors are computed once, when the locator is built, and
 * nothing is allocated per call. The locator runs for every detection: turf's per-segment points,
 * arrays and property objects were a measurable share of the server's CPU and garbage.
 */
const toRadians = (degrees: number) => ((degrees % 360) * Math.PI) / 180;
const toDegrees = (radians: number) => ((radians % (2 * Math.PI)) * 180) / Math.PI;

/** turf's `distance` in km. */
function haversineKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = toRadians(lat2 - lat1);
  const dLon = toRadians(lon2 - lon1);
  const a = Math.pow(Math.sin(dLat / 2), 2) + Math.pow(Math.sin(dLon / 2), 2) * Math.cos(toRadians(lat1)) * Math.cos(toRadians(lat2));
  return 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a)) * earthRadiusKm;
}

/** Per segment: start lon/lat, stop lon/lat, start vector A, stop vector B, axis A×B, the axis normalised. */
const stride = 16;

function writeSegment(out: Float64Array, at: number, lon1: number, lat1: number, lon2: number, lat2: number) {
  const la = toRadians(lat1);
  const lo = toRadians(lon1);
  const ax = Math.cos(la) * Math.cos(lo);
  const ay = Math.cos(la) * Math.sin(lo);
  const az = Math.sin(la);
  const lb = toRadians(lat2);
  const lob = toRadians(lon2);
  const bx = Math.cos(lb) * Math.cos(lob);
  const by = Math.cos(lb) * Math.sin(lob);
  const bz = Math.sin(lb);
  const sx = ay * bz - az * by;
  const sy = az * bx - ax * bz;
  const sz = ax * by - ay * bx;
  const mag = Math.sqrt(Math.pow(sx, 2) + Math.pow(sy, 2) + Math.pow(sz, 2));
  out.set([lon1, lat1, lon2, lat2, ax, ay, az, bx, by, bz, sx, sy, sz, sx / mag, sy / mag, sz / mag], at);
}

interface Piece {
  id: string;
  /** Index of its first segment in `segments`, and how many it has. */
  first: number;
  count: number;
  minLon: number;
  maxLon: number;
  minLat: number;
  maxLat: number;
}

/**
 * Distance in km from a point (lon, lat; its unit vector cx, cy, cz) to segment `i`: turf's
 * nearestPointOnLine for that one segment.
 */
function segmentKm(s: Float64Array, i: number, lon: number, lat: number, cx: number, cy: number, cz: number): number {
  const o = i * stride;
  const lonA = s[o]!;
  const latA = s[o + 1]!;
  const lonB = s[o + 2]!;
  const latB = s[o + 3]!;
  if (lonB === lon && latB === lat) return haversineKm(lon, lat, lonB, latB);
  if (lonA === lon && latA === lat) return haversineKm(lon, lat, lonA, latA);
  const ax = s[o + 4]!;
  const ay = s[o + 5]!;
  const az = s[o + 6]!;
  const bx = s[o + 7]!;
  const by = s[o + 8]!;
  const bz = s[o + 9]!;
  const sx = s[o + 10]!;
  const sy = s[o + 11]!;
  const sz = s[o + 12]!;
  if (sx === 0 && sy === 0 && sz === 0) {
    // A segment of length zero: its point, or (A and B antipodal) the input point itself.
    return ax * bx + ay * by + az * bz > 0 ? haversineKm(lon, lat, lonB, latB) : haversineKm(lon, lat, lon, lat);
  }
  // The axis of the great circle through the point, perpendicular to the segment's.
  const tx = sy * cz - sz * cy;
  const ty = sz * cx - sx * cz;
  const tz = sx * cy - sy * cx;
  if (tx === 0 && ty === 0 && tz === 0) return haversineKm(lon, lat, lonB, latB);
  // Where the two circles cross: the one of the two antipodes nearer the point.
  const ix0 = ty * sz - tz * sy;
  const iy0 = tz * sx - tx * sz;
  const iz0 = tx * sy - ty * sx;
  const mag = Math.sqrt(Math.pow(ix0, 2) + Math.pow(iy0, 2) + Math.pow(iz0, 2));
  let ix = ix0 / mag;
  let iy = iy0 / mag;
  let iz = iz0 / mag;
  if (!(cx * ix + cy * iy + cz * iz > cx * -ix + cy * -iy + cz * -iz)) {
    ix = -ix;
    iy = -iy;
    iz = -iz;
  }
  const nx = s[o + 13]!;
  const ny = s[o + 14]!;
  const nz = s[o + 15]!;
  const cmpAI = (ay * iz - az * iy) * nx + (az * ix - ax * iz) * ny + (ax * iy - ay * ix) * nz;
  const cmpIB = (iy * bz - iz * by) * nx + (iz * bx - ix * bz) * ny + (ix * by - iy * bx) * nz;
  if (cmpAI >= 0 && cmpIB >= 0) {
    // Inside the segment: back to degrees, as turf does, then measured.
    const z = Math.min(Math.max(iz, -1), 1);
    return haversineKm(lon, lat, toDegrees(Math.atan2(iy, ix)), toDegrees(Math.asin(z)));
  }
  // Outside: the nearer end.
  return ax * cx + ay * cy + az * cz > bx * cx + by * cy + bz * cz ? haversineKm(lon, lat, lonA, latA) : haversineKm(lon, lat, lonB, latB);
}

/**
 * Finds the corridor a point lies on, within `maxKm` of its centre-line (the data is good to 1–2 km).
 * Runs for every detection, so the lines are cut into pieces of `piecePoints` vertices with their
 * bounding boxes grown by `maxKm`, and only the pieces whose box holds the point are measured.
 */
export function createCorridorLocator(features: readonly CorridorFeature[], maxKm = 2) {
  const pieces: Piece[] = [];
  const ends: number[][] = [];
  for (const f of features) {
    const coordinates = f.geometry.coordinates;
    for (let start = 0; start < coordinates.length - 1; start += piecePoints - 1) {
      const coords = coordinates.slice(start, start + piecePoints).map(([lon, lat]) => [lon!, lat!] as const);
      const lons = coords.map((c) => c[0]);
      const lats = coords.map((c) => c[1]);
      const dLat = maxKm / kmPerDegreeLat;
      // A degree of longitude is shortest at the piece's highest latitude: the widest margin in degrees.
      const dLon = maxKm / (kmPerDegreeLat * Math.cos((Math.max(...lats.map(Math.abs)) * Math.PI) / 180));
      pieces.push({
        id: f.properties.id,
        first: ends.length,
        count: coords.length - 1,
        minLon: Math.min(...lons) - dLon,
        maxLon: Math.max(...lons) + dLon,
        minLat: Math.min(...lats) - dLat,
        maxLat: Math.max(...lats) + dLat,
      });
      for (let i = 0; i < coords.length - 1; i++) ends.push([coords[i]![0], coords[i]![1], coords[i + 1]![0], coords[i + 1]![1]]);
    }
  }
  const segments = new Float64Array(ends.length * stride);
  ends.forEach(([lon1, lat1, lon2, lat2], i) => writeSegment(segments, i * stride, lon1!, lat1!, lon2!, lat2!));

  return (location: GeoPoint): string | null => {
    const { lon, lat } = location;
    let cx = 0;
    let cy = 0;
    let cz = 0;
    let vector = false;
    let bestId: string | null = null;
    let bestKm = Infinity;
    for (const piece of pieces) {
      if (lon < piece.minLon || lon > piece.maxLon || lat < piece.minLat || lat > piece.maxLat) continue;
      if (!vector) {
        const la = toRadians(lat);
        const lo = toRadians(lon);
        cx = Math.cos(la) * Math.cos(lo);
        cy = Math.cos(la) * Math.sin(lo);
        cz = Math.sin(la);
        vector = true;
      }
      let km = Infinity;
      for (let i = piece.first; i < piece.first + piece.count; i++) {
        const d = segmentKm(segments, i, lon, lat, cx, cy, cz);
        if (d < km) km = d;
      }
      if (km <= maxKm && (bestId === null || km < bestKm)) {
        bestId = piece.id;
        bestKm = km;
      }
    }
    return bestId;
  };
}
export type CorridorLocator = ReturnType<typeof createCorridorLocator>;
