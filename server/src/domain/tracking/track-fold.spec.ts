import { describe, expect, it } from 'vitest';
import { corridors, trackPositionAt, type Detection, type Track } from '@rasd/shared';
import { createCameraRegistry } from '../cameras';
import { headingAt, locateOn } from '../geo/corridor-line';
import { foldSighting, sightingOf, type TrackCandidate } from './track-fold';

const sut = createCameraRegistry(corridors.features);
const t0 = Date.parse('2026-11-27T18:00:00Z');
// The 26 July axis is open-ended; its forward carriageway's wrong way runs towards decreasing km.
const forward = sut.onCarriageway('mehwar_26_july', 'forward');
const line = sut.lines.get('mehwar_26_july')!;
/** The forward cameras in the order a wrong-way driver meets them (decreasing km). */
const ahead = [...forward].reverse();
const gapKm = ahead[0]!.km - ahead[1]!.km;
const secondsPerGap = (kmh: number) => (gapKm / kmh) * 3600;

let n = 0;
function detection(cameraIndex: number, atS: number, extra: Partial<Detection> = {}): Detection {
  const camera = ahead[cameraIndex]!;
  return {
    eventId: `e${++n}`,
    cameraId: camera.id,
    kind: 'wrong_way',
    observedAt: new Date(t0 + atS * 1000).toISOString(),
    location: camera.location,
    speedKmh: 100,
    plate: 'ق ص ب ١٢٣٤',
    ...extra,
  };
}

/** Feeds detections through folding as the ingest does, returning the tracks by incident id. */
function fold(detections: Detection[]): Map<string, Track> {
  const tracks = new Map<string, Track>();
  for (const d of detections) {
    const sighting = sightingOf(sut, d);
    if (!sighting) throw new Error(`not a sighting: ${d.cameraId}`);
    const candidates: TrackCandidate[] = [...tracks].map(([id, track]) => ({ id, track }));
    const result = foldSighting(sut, candidates, sighting);
    tracks.set(result.joins ?? `track-${tracks.size + 1}`, result.track);
  }
  return tracks;
}

const gap = secondsPerGap(100);

describe('track folding', () => {
  it('folds successive cameras against the lawful direction into one track with path, speed and next cameras', () => {
    const tracks = fold([detection(0, 0), detection(1, gap), detection(2, 2 * gap)]);
    expect(tracks.size).toBe(1);
    const track = [...tracks.values()][0]!;
    expect(track.path.map((o) => o.cameraId)).toEqual([ahead[0]!.id, ahead[1]!.id, ahead[2]!.id]);
    expect(track.direction).toBe(-1);
    expect(track.speedKmh).toBeCloseTo(100, -1);
    expect(track.nextCameras[0]!.cameraId).toBe(ahead[3]!.id);
    const etaS = (Date.parse(track.nextCameras[0]!.eta) - t0) / 1000;
    expect(etaS).toBeCloseTo(3 * gap, -1);
    // The prediction follows the corridor geometry, not a straight line.
    for (const p of track.projection) expect(locateOn(line, p.location).offKm).toBeLessThan(0.01);
    for (const p of track.trail) expect(locateOn(line, p).offKm).toBeLessThan(0.01);
    expect(track.missedCameraIds).toEqual([]);
  });

  it('keeps two wrong-way vehicles on the same corridor at once apart, with or without plates', () => {
    const withPlates = fold([
      detection(0, 0, { plate: 'ق ص ب ١٢٣٤' }),
      detection(2, 10, { plate: 'م ن ٧٧' }),
      detection(1, gap, { plate: 'ق ص ب ١٢٣٤' }),
      detection(3, 10 + gap, { plate: 'م ن ٧٧' }),
    ]);
    expect([...withPlates.values()].map((t) => t.path.map((o) => o.plate))).toEqual([
      ['ق ص ب ١٢٣٤', 'ق ص ب ١٢٣٤'],
      ['م ن ٧٧', 'م ن ٧٧'],
    ]);
    const noPlates = fold([
      detection(0, 0, { plate: undefined }),
      detection(3, 0, { plate: undefined }),
      detection(1, gap, { plate: undefined }),
      detection(4, gap, { plate: undefined }),
    ]);
    expect([...noPlates.values()].map((t) => t.path.map((o) => o.cameraId))).toEqual([
      [ahead[0]!.id, ahead[1]!.id],
      [ahead[3]!.id, ahead[4]!.id],
    ]);
  });

  it('bridges a missed camera and names it', () => {
    const tracks = fold([detection(0, 0), detection(2, 2 * gap)]);
    expect(tracks.size).toBe(1);
    expect([...tracks.values()][0]!.missedCameraIds).toEqual([ahead[1]!.id]);
  });

  it('tolerates camera clocks a few seconds off', () => {
    const tracks = fold([detection(0, 0), detection(1, gap + 12), detection(2, 2 * gap - 10)]);
    expect(tracks.size).toBe(1);
    expect([...tracks.values()][0]!.path).toHaveLength(3);
  });

  it('places detections that arrive out of order where they belong in time', () => {
    const tracks = fold([detection(0, 0), detection(2, 2 * gap), detection(1, gap)]);
    expect(tracks.size).toBe(1);
    const track = [...tracks.values()][0]!;
    expect(track.path.map((o) => o.cameraId)).toEqual([ahead[0]!.id, ahead[1]!.id, ahead[2]!.id]);
    expect(track.missedCameraIds).toEqual([]);
    expect(track.nextCameras[0]!.cameraId).toBe(ahead[3]!.id);
  });

  it('joins a plate read differently by two cameras and keeps the reading most cameras agree on', () => {
    const tracks = fold([
      detection(0, 0, { plate: 'ق ص ب ١٢٣٤' }),
      detection(1, gap, { plate: 'ق ص ت ١٢٣٤' }),
      detection(2, 2 * gap, { plate: 'قصب1234' }),
    ]);
    expect(tracks.size).toBe(1);
    expect([...tracks.values()][0]!.path.map((o) => o.plate)).toEqual(['ق ص ب ١٢٣٤', 'ق ص ت ١٢٣٤', 'قصب1234']);
  });

  it('does not join a clearly different plate even when the timing fits', () => {
    const tracks = fold([detection(0, 0, { plate: 'ق ص ب ١٢٣٤' }), detection(1, gap, { plate: 'ع ف ٩٨' })]);
    expect(tracks.size).toBe(2);
  });

  it('lets the prediction lapse when the vehicle turns around or leaves at an exit, and starts afresh behind it', () => {
    const [track] = [...fold([detection(2, 0), detection(3, gap)]).values()];
    const lapse = Date.parse(track!.lostAfter);
    expect(lapse).toBeGreaterThan(Date.parse(track!.nextCameras[0]!.eta));
    const before = trackPositionAt(track!, lapse - 1000);
    const after = trackPositionAt(track!, lapse + 600_000);
    expect(before.lost).toBe(false);
    expect(after.lost).toBe(true);
    // Once lost, the estimate stays where the prediction lapsed instead of running on down the road.
    expect(after.km).toBeCloseTo(trackPositionAt(track!, lapse).km, 6);
    // Turned round: a later wrong-way sighting behind it is another passage, not this vehicle.
    const tracks = fold([detection(2, 0), detection(3, gap), detection(1, 3 * gap)]);
    expect(tracks.size).toBe(2);
    // Left at an exit: a wrong-way sighting far down the road long after is another vehicle.
    expect(fold([detection(0, 0), detection(1, gap), detection(6, gap + 60)]).size).toBe(2);
  });

  it('estimates the position between cameras along the projection', () => {
    const [track] = [...fold([detection(0, 0), detection(1, gap)]).values()];
    const halfway = trackPositionAt(track!, t0 + 1.5 * gap * 1000);
    expect(halfway.km).toBeCloseTo((ahead[1]!.km + ahead[2]!.km) / 2, 0);
    expect(halfway.lost).toBe(false);
  });

  it('takes only wrong-way detections from registered cameras that face against the vehicle', () => {
    expect(sightingOf(sut, { ...detection(0, 0), kind: 'speeding' })).toBeNull();
    expect(sightingOf(sut, { ...detection(0, 0), cameraId: 'RR-N-017' })).toBeNull();
    const lawful = headingAt(line, ahead[1]!.km, 1);
    expect(sightingOf(sut, { ...detection(1, 0), headingDeg: Math.round(lawful) })).toBeNull();
    expect(sightingOf(sut, { ...detection(1, 0), headingDeg: Math.round((lawful + 180) % 360) })).not.toBeNull();
  });

  it('follows a vehicle round the ring road across its first vertex', () => {
    const ring = sut.onCarriageway('ring_road', 'backward');
    // Wrong way on the backward carriageway runs towards increasing km: last camera, then past km 0.
    const [last, first] = [ring[ring.length - 1]!, ring[0]!];
    const ringLine = sut.lines.get('ring_road')!;
    const km = ringLine.lengthKm - last.km + first.km;
    const seconds = (km / 100) * 3600;
    const at = (s: number) => new Date(t0 + s * 1000).toISOString();
    const d = (cameraId: string, s: number): Detection => ({ eventId: `r${s}`, cameraId, kind: 'wrong_way', observedAt: at(s), location: first.location, speedKmh: 100 });
    const tracks = fold([d(last.id, 0), d(first.id, seconds)]);
    expect(tracks.size).toBe(1);
    expect([...tracks.values()][0]!.nextCameras[0]!.cameraId).toBe(ring[1]!.id);
  });
});
