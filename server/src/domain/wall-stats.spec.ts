import { describe, expect, it } from 'vitest';
import type { HistoryEntry, Incident, LegalActionType } from '@rasd/shared';
import type { IncidentRecord } from './shift-summary';
import { shiftContaining } from './shifts';
import { summariseWall } from './wall-stats';

// 10:00 Cairo (UTC+2 in November): the 08–16 shift, 06:00Z–14:00Z.
const now = new Date('2026-11-22T08:00:00Z');
const shift = shiftContaining(now);

let n = 0;
function record(firstSeenAt: string, opts: { claimAt?: string; actions?: [LegalActionType, string][] } = {}): IncidentRecord {
  n += 1;
  const history: HistoryEntry[] = [{ seq: n * 10, at: firstSeenAt, type: 'opened', actor: 'cam', data: { status: 'new' } }];
  if (opts.claimAt) history.push({ seq: n * 10 + 1, at: opts.claimAt, type: 'claimed', actor: 'amr', data: { status: 'claimed' } });
  const incident: Incident = {
    id: `i${n}`, seq: n, kind: 'wrong_way', source: 'camera', severity: 'critical', status: opts.claimAt ? 'claimed' : 'new',
    corridorId: 'ring_road', location: { lat: 30, lon: 31 }, firstSeenAt, lastSeenAt: firstSeenAt, alertCount: 1, claimedBy: null,
    actions: (opts.actions ?? []).map(([type, at], i) => ({ id: `a${n}-${i}`, type, plate: null, caseNumber: null, notes: null, corrects: null, by: { userId: 'u', username: 'amr' }, at })),
    plate: null, cameraId: null, speedKmh: null, verification: null, escalatedAt: null,
  };
  return { incident, history };
}

describe('summariseWall', () => {
  it('counts each incident actioned this shift once, however many actions it has', () => {
    const sut = summariseWall(shift, [
      record('2026-11-22T06:10:00Z', { claimAt: '2026-11-22T06:11:00Z', actions: [['arrest', '2026-11-22T06:20:00Z'], ['prosecution_referral', '2026-11-22T06:30:00Z']] }),
      record('2026-11-22T06:40:00Z', { claimAt: '2026-11-22T06:41:00Z', actions: [['citation', '2026-11-22T07:00:00Z']] }),
      record('2026-11-22T06:50:00Z'),
    ], now);
    expect(sut.actioned).toBe(2);
  });

  it('leaves out actions recorded in the previous shift', () => {
    const sut = summariseWall(shift, [record('2026-11-22T05:00:00Z', { claimAt: '2026-11-22T05:01:00Z', actions: [['arrest', '2026-11-22T05:30:00Z']] })], now);
    expect(sut.actioned).toBe(0);
  });

  it('reports the median alert-to-claim time of claims made this shift', () => {
    const sut = summariseWall(shift, [
      record('2026-11-22T06:00:00Z', { claimAt: '2026-11-22T06:00:30Z' }),
      record('2026-11-22T06:10:00Z', { claimAt: '2026-11-22T06:11:30Z' }),
      record('2026-11-22T06:20:00Z', { claimAt: '2026-11-22T06:25:00Z' }),
    ], now);
    expect(sut.alertToClaimMs).toEqual({ p50: 90_000, n: 3 });
    expect(sut.shift).toEqual(shift);
    expect(sut.at).toBe(now.toISOString());
  });

  it('has no median before the first claim', () => {
    expect(summariseWall(shift, [record('2026-11-22T06:00:00Z')], now).alertToClaimMs).toEqual({ p50: null, n: 0 });
  });
});
