import { describe, expect, it } from 'vitest';
import type { Track } from '@rasd/shared';
import { roadGeography } from '../domain/road-geography';
import { foldSighting, sightingOf } from '../domain/tracking/track-fold';
import { createTraffic } from './traffic';

function seeded(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) % 2 ** 32;
    return seed / 2 ** 32;
  };
}

describe('simulated wrong-way drivers through track folding', () => {
  it('fold into one track per driver, from the detection fields and the camera registry alone', () => {
    const { registry } = roadGeography();
    const traffic = createTraffic([...registry.lines.values()], registry.cameras, { random: seeded(21), wrongWayEverySec: 60, otherEverySec: 1e9 });
    const tracks = new Map<string, Track>();
    const driverOf = new Map<string, string>();
    let t = Date.parse('2026-11-27T18:00:00Z');
    for (let i = 0; i < 3600; i++) {
      t += 1000;
      for (const d of traffic.step(new Date(t), 1)) {
        const sighting = sightingOf(registry, d)!;
        expect(sighting).not.toBeNull();
        const result = foldSighting(registry, [...tracks].map(([id, track]) => ({ id, track })), sighting);
        const id = result.joins ?? `t${tracks.size}`;
        tracks.set(id, result.track);
        // The simulator names each driver's detections by its event counter; its plate when read.
        if (d.plate) driverOf.set(`${id}/${d.plate}`, d.plate);
      }
    }
    const multi = [...tracks.values()].filter((tr) => tr.path.length >= 2);
    expect(multi.length).toBeGreaterThan(15);
    // No track mixes two drivers' plates (up to a misread), and every track moves against its carriageway.
    for (const [id, track] of tracks) {
      const plates = new Set([...driverOf.keys()].filter((k) => k.startsWith(`${id}/`)).map((k) => driverOf.get(k)));
      expect(plates.size, id).toBeLessThanOrEqual(1);
      for (let i = 1; i < track.path.length; i++) expect(Math.sign(track.path[i]!.km - track.path[i - 1]!.km)).toBe(track.direction);
    }
  });
});
