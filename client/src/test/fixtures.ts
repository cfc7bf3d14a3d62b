import type { Incident } from '@rasd/shared';

/** A valid incident; override only what the test is about. */
export function makeIncident(overrides: Partial<Incident> = {}): Incident {
  return {
    id: 'inc-1',
    seq: 1,
    kind: 'wrong_way',
    source: 'camera',
    severity: 'critical',
    status: 'new',
    corridorId: 'ring_road',
    location: { lat: 30.07, lon: 31.3 },
    firstSeenAt: '2026-11-22T18:00:00.000Z',
    lastSeenAt: '2026-11-22T18:00:00.000Z',
    alertCount: 1,
    claimedBy: null,
    actions: [],
    plate: 'ق ص ب ١٢٣٤',
    cameraId: 'RR-N-017',
    speedKmh: 92,
    verification: null,
    escalatedAt: null,
    ...overrides,
  };
}
