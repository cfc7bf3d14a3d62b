import { describe, expect, it } from 'vitest';
import type { HistoryEntry, Incident, LegalActionType } from '@rasd/shared';
import { percentiles } from './percentile';
import { summariseShift, type IncidentRecord } from './shift-summary';
import { shiftContaining } from './shifts';

let n = 0;
function record(
  firstSeenAt: string,
  opts: { kind?: Incident['kind']; source?: Incident['source']; corridorId?: string | null; events?: [string, string, string][]; actions?: [LegalActionType, string][] } = {},
): IncidentRecord {
  n += 1;
  const events = opts.events ?? [];
  const history: HistoryEntry[] = [
    { seq: n * 100, at: firstSeenAt, type: 'opened', actor: 'cam', data: { status: opts.source === 'social' ? 'verifying' : 'new' } },
    ...events.map(([type, at, status], i) => ({ seq: n * 100 + i + 1, at, type, actor: 'amr', data: { status } })),
  ];
  return {
    incident: {
      id: `i${n}`,
      seq: n,
      kind: opts.kind ?? 'wrong_way',
      source: opts.source ?? 'camera',
      severity: 'critical',
      status: (history.at(-1)!.data.status as Incident['status']) ?? 'new',
      corridorId: opts.corridorId === undefined ? 'ring_road' : opts.corridorId,
      location: { lat: 30, lon: 31 },
      firstSeenAt,
      lastSeenAt: firstSeenAt,
      alertCount: 1,
      claimedBy: null,
      actions: (opts.actions ?? []).map(([type, at], i) => ({ id: `a${i}`, type, plate: null, caseNumber: null, notes: null, corrects: null, by: { userId: 'u', username: 'amr' }, at })),
      plate: null,
      cameraId: null,
      speedKmh: null,
      verification: null,
      escalatedAt: null,
    },
    history,
  };
}

describe('percentiles', () => {
  it('uses the nearest rank', () => {
    expect(percentiles([10, 20, 30, 40, 50, 60, 70, 80, 90, 100])).toEqual({ p50: 50, p90: 90, n: 10 });
    expect(percentiles([7])).toEqual({ p50: 7, p90: 7, n: 1 });
    expect(percentiles([])).toEqual({ p50: null, p90: null, n: 0 });
  });
});

describe('summariseShift', () => {
  // Day shift 2026-11-27 08–16 Cairo = 06:00–14:00Z.
  const shift = shiftContaining(new Date('2026-11-27T10:00:00Z'));
  const later = new Date('2026-11-28T00:00:00Z');

  it('counts what arrived in the shift by kind, source, status, corridor and local hour', () => {
    const s = summariseShift(
      shift,
      [
        record('2026-11-27T06:00:00.000Z'),
        record('2026-11-27T06:30:00.000Z', { kind: 'reckless', corridorId: null }),
        record('2026-11-27T13:59:59.000Z', { source: 'social', corridorId: 'autostrad' }),
        record('2026-11-27T14:00:00.000Z'),
        record('2026-11-27T05:59:59.000Z'),
      ],
      later,
    );
    expect(s.counts).toEqual({
      total: 3,
      byKind: { wrong_way: 2, reckless: 1 },
      bySource: { camera: 2, social: 1 },
      byStatus: { new: 2, verifying: 1 },
      byCorridor: { ring_road: 1, unknown: 1, autostrad: 1 },
      byHour: { '08': 2, '15': 1 },
    });
  });

  it('measures alert→claim and claim→action for claims and actions inside the shift', () => {
    const s = summariseShift(
      shift,
      [
        record('2026-11-27T07:00:00.000Z', { events: [['claimed', '2026-11-27T07:00:30.000Z', 'claimed'], ['action_recorded', '2026-11-27T07:10:30.000Z', 'actioned']], actions: [['arrest', '2026-11-27T07:10:30.000Z']] }),
        record('2026-11-27T08:00:00.000Z', { events: [['claimed', '2026-11-27T08:01:30.000Z', 'claimed']] }),
        record('2026-11-27T05:00:00.000Z', { events: [['claimed', '2026-11-27T05:01:00.000Z', 'claimed'], ['action_recorded', '2026-11-27T06:30:00.000Z', 'actioned']], actions: [['prosecution_referral', '2026-11-27T06:30:00.000Z']] }),
        record('2026-11-27T09:00:00.000Z', { source: 'social', events: [['verified', '2026-11-27T09:20:00.000Z', 'verified'], ['action_recorded', '2026-11-27T09:40:00.000Z', 'actioned']], actions: [['summons', '2026-11-27T09:40:00.000Z']] }),
      ],
      later,
    );
    expect(s.responseTimes.alertToClaimMs).toEqual({ p50: 30_000, p90: 90_000, n: 2 });
    // The claim before the shift still anchors the action inside it.
    expect(s.responseTimes.claimToActionMs).toEqual({ p50: 600_000, p90: 5_340_000, n: 2 });
    expect(s.responseTimes.verificationMs).toEqual({ p50: 1_200_000, p90: 1_200_000, n: 1 });
    expect(s.actions).toEqual({ byType: { arrest: 1, prosecution_referral: 1, summons: 1 }, byTrack: { camera: 2, social: 1 } });
  });

  it('hands over what was open when a past shift ended, replayed from history', () => {
    const s = summariseShift(
      shift,
      [
        record('2026-11-27T07:00:00.000Z', { events: [['claimed', '2026-11-27T07:01:00.000Z', 'claimed'], ['closed', '2026-11-27T15:00:00.000Z', 'closed']] }),
        record('2026-11-27T07:30:00.000Z', { events: [['claimed', '2026-11-27T07:31:00.000Z', 'claimed'], ['closed', '2026-11-27T12:00:00.000Z', 'closed']] }),
        record('2026-11-27T14:30:00.000Z'),
      ],
      later,
    );
    expect(s.handover.openIncidents.map((i) => i.firstSeenAt)).toEqual(['2026-11-27T07:00:00.000Z']);
  });

  it('summarises the midnight shift across two dates', () => {
    const night = shiftContaining(new Date('2026-11-27T23:00:00Z'));
    const s = summariseShift(night, [record('2026-11-27T22:00:00.000Z'), record('2026-11-28T05:59:00.000Z'), record('2026-11-27T21:59:00.000Z')], later);
    expect(s.shift.label).toBe('2026-11-28 00–08');
    expect(s.counts.total).toBe(2);
    expect(s.counts.byHour).toEqual({ '00': 1, '07': 1 });
  });

  it('counts by local hour across the October daylight-saving change', () => {
    const evening = shiftContaining(new Date('2026-10-29T18:00:00Z'));
    // 20:30Z is 23:30 summer time; 21:30Z is the repeated 23:30 in winter time: both local hour 23.
    const s = summariseShift(evening, [record('2026-10-29T20:30:00.000Z'), record('2026-10-29T21:30:00.000Z'), record('2026-10-29T12:59:00.000Z')], later);
    expect(s.counts.total).toBe(2);
    expect(s.counts.byHour).toEqual({ '23': 2 });
  });

  it('reports dispatch → on scene only when dispatch events exist (the units hook)', () => {
    const without = summariseShift(shift, [record('2026-11-27T07:00:00.000Z')], later);
    expect(without.responseTimes).not.toHaveProperty('dispatchToSceneMs');
    const s = summariseShift(
      shift,
      [
        record('2026-11-27T07:00:00.000Z', { events: [['claimed', '2026-11-27T07:01:00.000Z', 'claimed'], ['unit_dispatched', '2026-11-27T07:02:00.000Z', 'dispatched'], ['unit_on_scene', '2026-11-27T07:12:00.000Z', 'dispatched']] }),
        record('2026-11-27T08:00:00.000Z', { events: [['unit_dispatched', '2026-11-27T08:02:00.000Z', 'dispatched']] }),
      ],
      later,
    );
    expect(s.responseTimes.dispatchToSceneMs).toEqual({ p50: 600_000, p90: 600_000, n: 1 });
  });

  it('takes arrivals from the units\' status changes too, the first one after the dispatch', () => {
    const r = record('2026-11-27T07:00:00.000Z', { events: [['dispatched', '2026-11-27T07:02:00.000Z', 'dispatched']] });
    const s = summariseShift(shift, [{ ...r, onSceneAt: ['2026-11-27T06:59:00.000Z', '2026-11-27T07:09:00.000Z', '2026-11-27T07:05:00.000Z'] }], later);
    expect(s.responseTimes.dispatchToSceneMs).toEqual({ p50: 180_000, p90: 180_000, n: 1 });
  });
});
