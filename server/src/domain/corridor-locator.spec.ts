import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import nearestPointOnLine from '@turf/nearest-point-on-line';
import { lineString, point } from '@turf/helpers';
import { corridors, type GeoPoint } from '@rasd/shared';
import { createCorridorLocator } from './corridor-locator';

/** The plain definition: measure every whole line (what the pieces and boxes must agree with). */
function nearestCorridor(location: GeoPoint, maxKm: number): string | null {
  let best: { id: string; km: number } | null = null;
  for (const f of corridors.features) {
    const km = nearestPointOnLine(lineString(f.geometry.coordinates), point([location.lon, location.lat]), { units: 'kilometers' }).properties.dist;
    if (km <= maxKm && (!best || km < best.km)) best = { id: f.properties.id, km };
  }
  return best?.id ?? null;
}

describe('corridor locator', () => {
  const locate = createCorridorLocator(corridors.features);

  it('puts a point on each corridor’s own centre-line on that corridor', () => {
    for (const f of corridors.features) {
      const coords = f.geometry.coordinates;
      const [lon, lat] = coords[Math.floor(coords.length / 2)]!;
      const found = locate({ lon: lon!, lat: lat! });
      expect(found, f.properties.id).toBe(nearestCorridor({ lon: lon!, lat: lat! }, 2));
      expect(found).not.toBeNull();
    }
  });

  it('agrees with measuring every whole line, over a grid covering Greater Cairo and beyond', () => {
    let located = 0;
    for (let lat = 29.8; lat <= 30.3; lat += 0.0125) {
      for (let lon = 31.0; lon <= 31.6; lon += 0.0125) {
        const location = { lat, lon };
        const found = locate(location);
        expect(found, `${lat},${lon}`).toBe(nearestCorridor(location, 2));
        if (found) located++;
      }
    }
    // The grid is not all off-corridor: the comparison covered both outcomes.
    expect(located).toBeGreaterThan(100);
  });

  it('agrees with turf at random points near the corridors, on their vertices and on their segments', () => {
    const vertices = corridors.features.flatMap((f) => f.geometry.coordinates.map(([lon, lat]) => ({ lon: lon!, lat: lat! })));
    for (const v of vertices) expect(locate(v), `${v.lat},${v.lon}`).toBe(nearestCorridor(v, 2));
    const near = fc.record({
      at: fc.integer({ min: 0, max: vertices.length - 2 }),
      t: fc.double({ min: 0, max: 1, noNaN: true }),
      dLat: fc.double({ min: -0.03, max: 0.03, noNaN: true }),
      dLon: fc.double({ min: -0.03, max: 0.03, noNaN: true }),
    });
    fc.assert(
      fc.property(near, ({ at, t, dLat, dLon }) => {
        const a = vertices[at]!;
        const b = vertices[at + 1]!;
        const location = { lat: a.lat + (b.lat - a.lat) * t + dLat, lon: a.lon + (b.lon - a.lon) * t + dLon };
        expect(locate(location), `${location.lat},${location.lon}`).toBe(nearestCorridor(location, 2));
      }),
      { numRuns: 2000, seed: 3 },
    );
  });

  it('finds nothing far from every corridor', () => {
    expect(locate({ lat: 29.0, lon: 32.5 })).toBeNull();
  });
});
