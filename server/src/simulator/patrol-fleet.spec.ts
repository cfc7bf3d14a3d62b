import { describe, expect, it } from 'vitest';
import type { Unit, UnitReport } from '@rasd/shared';
import { pointAt } from '../domain/geo/corridor-line';
import { roadGeography } from '../domain/road-geography';
import { createPatrolFleet } from './patrol-fleet';

const geo = roadGeography();
const ring = geo.network.lines.get('ring_road')!;
const t0 = Date.parse('2026-11-27T18:00:00Z');
const base: Unit = { id: 'u1', seq: 1, callSign: 'P-101', kind: 'car', status: 'available', position: pointAt(ring, 10), positionAt: null, assignment: null, updatedAt: '' };

/** Applies reports as the unit service would, for `seconds` one-second ticks. */
function run(sut: ReturnType<typeof createPatrolFleet>, unit: Unit, seconds: number, target: Unit['position']): { unit: Unit; reports: UnitReport[] } {
  const reports: UnitReport[] = [];
  for (let s = 1; s <= seconds; s++) {
    for (const { report } of sut.step([unit], t0 + s * 1000, 1, () => target)) {
      reports.push(report);
      unit = { ...unit, ...(report.position ? { position: report.position } : {}), ...(report.status ? { status: report.status } : {}), ...(report.status === 'available' ? { assignment: null } : {}) };
    }
  }
  return { unit, reports };
}

describe('simulated patrol units', () => {
  it('drive their beat while available', () => {
    const { unit, reports } = run(createPatrolFleet(geo, () => 0.1), base, 60, null);
    expect(reports).toHaveLength(60);
    expect(unit.position).not.toEqual(base.position);
  });

  it('drive the road network to an assignment, report on scene on arrival and done a while later', () => {
    const target = pointAt(ring, 13);
    const sent: Unit = { ...base, status: 'en_route', assignment: { incidentId: 'i1', at: '', by: 'd' } };
    const { unit, reports } = run(createPatrolFleet(geo, () => 0.1), sent, 400, target);
    const statuses = reports.flatMap((r) => (r.status ? [r.status] : []));
    expect(statuses).toEqual(['on_scene', 'available']);
    expect(unit.status).toBe('available');
    const arrival = reports.find((r) => r.status === 'on_scene')!.position!;
    expect(Math.abs(arrival.lat - target.lat) + Math.abs(arrival.lon - target.lon)).toBeLessThan(0.01);
  });
});
