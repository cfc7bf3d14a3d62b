import { describe, expect, it } from 'vitest';
import { corridors, socialReportSchema } from '@rasd/shared';
import { randomSocialPost } from './social-posts';
import { corridorLine } from '../domain/geo/corridor-line';
import { placeCameras } from '../domain/cameras';
import { createTraffic } from './traffic';

function seeded(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) % 2 ** 32;
    return seed / 2 ** 32;
  };
}

const lines = corridors.features.map(corridorLine);
const cameras = placeCameras(lines, 2.5);

describe('simulated cameras', () => {
  it('face both carriageways of every corridor', () => {
    for (const line of lines) {
      const own = cameras.filter((c) => c.corridorId === line.id);
      expect(own.filter((c) => c.carriageway === 'forward').length).toBeGreaterThanOrEqual(2);
      expect(own.filter((c) => c.carriageway === 'backward').length).toBe(own.length / 2);
    }
    expect(new Set(cameras.map((c) => c.id)).size).toBe(cameras.length);
  });
});

describe('simulated traffic', () => {
  it('detects each wrong-way driver by successive cameras against the lawful direction', () => {
    const traffic = createTraffic(lines, cameras, { random: seeded(7), wrongWayEverySec: 30, otherEverySec: 1e9 });
    const byCamera = new Map(cameras.map((c) => [c.id, c]));
    const seen = [];
    let t = Date.parse('2026-11-27T18:00:00Z');
    for (let i = 0; i < 3600; i++) {
      t += 1000;
      seen.push(...traffic.step(new Date(t), 1));
    }
    const wrongWay = seen.filter((d) => d.kind === 'wrong_way');
    expect(wrongWay.length).toBeGreaterThan(100);
    // Group by plate: each vehicle's successive cameras are on one carriageway, moving against it.
    const byPlate = new Map<string, typeof wrongWay>();
    for (const d of wrongWay.filter((d) => d.plate)) byPlate.set(d.plate!, [...(byPlate.get(d.plate!) ?? []), d]);
    let multiCamera = 0;
    for (const track of byPlate.values()) {
      const cams = track.map((d) => byCamera.get(d.cameraId)!);
      if (new Set(cams.map((c) => `${c.corridorId}/${c.carriageway}`)).size !== 1) continue; // plate reused by chance
      if (cams.length < 2) continue;
      multiCamera += 1;
      const lawful = cams[0]!.carriageway === 'forward' ? 1 : -1;
      for (let i = 1; i < cams.length; i++) {
        expect(Math.sign(cams[i]!.km - cams[i - 1]!.km)).toBe(-lawful);
        expect(Date.parse(track[i]!.observedAt)).toBeGreaterThan(Date.parse(track[i - 1]!.observedAt));
      }
    }
    expect(multiCamera).toBeGreaterThan(10);
  });

  it('mixes in reckless and speeding detections with plausible speeds', () => {
    const traffic = createTraffic(lines, cameras, { random: seeded(3), wrongWayEverySec: 1e9, otherEverySec: 2 });
    const seen = [];
    for (let i = 0; i < 600; i++) seen.push(...traffic.step(new Date(Date.UTC(2026, 10, 27, 18, 0, i)), 1));
    expect(seen.length).toBeGreaterThan(200);
    for (const d of seen.filter((d) => d.kind === 'speeding')) expect(d.speedKmh).toBeGreaterThanOrEqual(130);
    expect(new Set(seen.map((d) => d.kind))).toEqual(new Set(['reckless', 'speeding', 'racing', 'stopped_vehicle']));
    for (const d of seen) expect(d.plate ?? 'ق ص ب ١٢٣٤').toMatch(/^[\u0621-\u064A](?: [\u0621-\u064A]){1,2} [١-٩][٠-٩]{0,3}$/);
  });
});

describe('simulated social posts', () => {
  it('name a corridor and a behaviour, with http media and plausible engagement', () => {
    const random = seeded(11);
    for (let i = 0; i < 50; i++) {
      const post = socialReportSchema.parse(randomSocialPost(random, new Date('2026-11-27T18:00:00Z'), i));
      expect(post.text).toMatch(/على /);
      expect(post.engagement!.views).toBeGreaterThanOrEqual(100);
      expect(Date.parse(post.postedAt)).toBeLessThanOrEqual(Date.parse('2026-11-27T18:00:00Z'));
    }
  });
});
