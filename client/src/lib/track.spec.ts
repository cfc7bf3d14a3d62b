import { describe, expect, it } from 'vitest';
import type { Track } from '@rasd/shared';
import { makeIncident } from '../test/fixtures';
import { projectionAhead, secondsUntil, trackedIncidents } from './track';

const t0 = Date.parse('2026-11-27T18:00:00Z');
const at = (s: number) => new Date(t0 + s * 1000).toISOString();
const track: Track = {
  corridorId: 'ring_road', carriageway: 'forward', direction: -1, speedKmh: 90,
  path: [{ cameraId: 'RR-F-002', km: 5, location: { lat: 30, lon: 31 }, observedAt: at(0), speedKmh: 90, plate: null }],
  missedCameraIds: [], trail: [{ lat: 30, lon: 31 }],
  projection: [
    { km: 4, location: { lat: 30.01, lon: 31 }, at: at(40) },
    { km: 3, location: { lat: 30.02, lon: 31 }, at: at(80) },
  ],
  nextCameras: [], lostAfter: at(200),
};

describe('track drawing helpers', () => {
  it('draws tracks of open incidents only', () => {
    const incidents = { a: makeIncident({ id: 'a', track }), b: makeIncident({ id: 'b' }), c: makeIncident({ id: 'c', track, status: 'closed' }) };
    expect(trackedIncidents(incidents).map((i) => i.id)).toEqual(['a']);
  });

  it('starts the projected path at the estimated position and drops the part already passed', () => {
    const ahead = projectionAhead(track, t0 + 60_000);
    expect(ahead).toHaveLength(2);
    expect(ahead[0]![0]).toBeCloseTo(30.015, 6);
    expect(ahead[1]).toEqual([30.02, 31]);
    expect(secondsUntil(at(80), t0 + 60_000)).toBe(20);
    expect(secondsUntil(at(80), t0 + 90_000)).toBe(0);
  });
});

describe('timeline wording of tracks and dispatch', () => {
  it('names the camera that saw the vehicle again and the units sent', async () => {
    const { describeHistory } = await import('./timeline');
    expect(describeHistory({ seq: 2, at: at(0), type: 'track_extended', actor: 'cam', data: { cameraId: 'RR-F-003' } }, 'en')).toEqual({ key: 'track_extended', params: { camera: 'RR-F-003' } });
    expect(describeHistory({ seq: 3, at: at(0), type: 'dispatched', actor: 'd', data: { units: ['P-101', 'M-201'] } }, 'en').params['units']).toBe('P-101، M-201');
  });
});
