import { describe, expect, it } from 'vitest';
import type { Incident } from '@rasd/shared';
import { decide, type Actor } from './lifecycle';

const dispatcher: Actor = { userId: 'd1', username: 'dispatcher1', role: 'dispatcher' };
const now = '2026-11-27T18:00:00.000Z';
const incident = (overrides: Partial<Incident> = {}): Incident => ({
  id: 'i1', seq: 1, kind: 'wrong_way', source: 'camera', severity: 'critical', status: 'new', corridorId: 'ring_road',
  location: { lat: 30, lon: 31.3 }, firstSeenAt: now, lastSeenAt: now, alertCount: 1, claimedBy: null, actions: [],
  plate: null, cameraId: 'RR-F-001', speedKmh: 90, verification: null, escalatedAt: null, ...overrides,
});
const units = [{ unitId: 'u1', callSign: 'P-1' }];

describe('dispatch in the lifecycle', () => {
  it('moves an open incident to dispatched, recording the units, and leaves the claim alone', () => {
    const claimed = incident({ status: 'claimed', claimedBy: { userId: 'o1', username: 'officer1', at: now } });
    const sut = decide(claimed, { type: 'dispatch', units }, dispatcher, now)!;
    expect(sut.incident).toMatchObject({ status: 'dispatched', claimedBy: { username: 'officer1' }, assignedUnits: [{ unitId: 'u1', callSign: 'P-1', at: now, by: 'dispatcher1' }] });
    expect(sut.event).toEqual({ type: 'dispatched', data: { units: ['P-1'], unitIds: ['u1'] } });
  });

  it('adds more units to a dispatched incident and ignores units already sent', () => {
    const sent = decide(incident(), { type: 'dispatch', units }, dispatcher, now)!.incident;
    expect(decide(sent, { type: 'dispatch', units }, dispatcher, now)).toBeNull();
    const more = decide(sent, { type: 'dispatch', units: [...units, { unitId: 'u2', callSign: 'M-2' }] }, dispatcher, now)!;
    expect(more.incident.assignedUnits!.map((u) => u.unitId)).toEqual(['u1', 'u2']);
  });

  it('refuses to dispatch to an unverified citizen report or a finished incident', () => {
    for (const status of ['verifying', 'rejected', 'closed', 'actioned'] as const) {
      expect(() => decide(incident({ status, source: 'social' }), { type: 'dispatch', units }, dispatcher, now)).toThrow(/cannot dispatch/);
    }
  });
});
