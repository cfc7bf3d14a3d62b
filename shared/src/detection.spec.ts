import { describe, expect, it } from 'vitest';
import { detectionSchema } from './detection';
import { issuesToDetails } from './error';

const valid = {
  eventId: 'RR-N-017:000123',
  cameraId: 'RR-N-017',
  kind: 'wrong_way',
  observedAt: '2026-11-22T18:00:00.123Z',
  location: { lat: 30.0712, lon: 31.3021 },
  headingDeg: 185,
  speedKmh: 92,
  confidence: 0.93,
  plate: 'ق ص ب ١٢٣٤',
  vehicleClass: 'car',
  media: { snapshotUrl: 'https://cams.example/s.jpg', clipUrl: 'https://cams.example/c.mp4' },
};

function detailsOf(input: unknown) {
  const result = detectionSchema.safeParse(input);
  return result.success ? [] : issuesToDetails(result.error.issues);
}

describe('detectionSchema', () => {
  it('accepts the contract example', () => {
    expect(detectionSchema.parse(valid)).toMatchObject({ eventId: valid.eventId, kind: 'wrong_way' });
  });

  it('accepts an offset zone and the minimum fields', () => {
    const { eventId, cameraId, kind, location } = valid;
    expect(
      detectionSchema.safeParse({ eventId, cameraId, kind, location, observedAt: '2026-11-22T20:00:00+02:00' }).success,
    ).toBe(true);
  });

  it('names each bad field with a dotted path', () => {
    const paths = detailsOf({ ...valid, location: { lat: 91, lon: 31 }, confidence: 2, kind: 'ufo' }).map((d) => d.path);
    expect(paths.sort()).toEqual(['confidence', 'kind', 'location.lat']);
  });

  it('refuses a time without a zone', () => {
    expect(detailsOf({ ...valid, observedAt: '2026-11-22T18:00:00' }).map((d) => d.path)).toEqual(['observedAt']);
  });

  it('refuses an eventId longer than 200 characters and an empty one', () => {
    expect(detailsOf({ ...valid, eventId: 'x'.repeat(201) })).toHaveLength(1);
    expect(detailsOf({ ...valid, eventId: '' })).toHaveLength(1);
  });

  it('refuses non-http media links', () => {
    expect(detailsOf({ ...valid, media: { clipUrl: 'javascript:alert(1)' } }).map((d) => d.path)).toEqual([
      'media.clipUrl',
    ]);
  });

  it('refuses heading outside 0..360 and an unknown vehicle class', () => {
    expect(detailsOf({ ...valid, headingDeg: 361, vehicleClass: 'tank' })).toHaveLength(2);
  });
});
