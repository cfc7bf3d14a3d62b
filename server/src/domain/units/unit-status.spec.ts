import { describe, expect, it } from 'vitest';
import type { Unit } from '@rasd/shared';
import { withAssignment, withReport, withStatus } from './unit-status';

const now = '2026-11-27T18:00:00.000Z';
const later = '2026-11-27T18:01:00.000Z';
const unit: Unit = {
  id: 'u1', seq: 1, callSign: 'دورية ١', kind: 'car', status: 'available',
  position: { lat: 30, lon: 31.2 }, positionAt: now, assignment: null, updatedAt: now,
};

describe('unit status', () => {
  it('sends an available unit en route to the incident, and refuses a busy one', () => {
    const sent = withAssignment(unit, 'inc-1', 'dispatcher1', later);
    expect(sent).toMatchObject({ status: 'en_route', assignment: { incidentId: 'inc-1', by: 'dispatcher1', at: later } });
    expect(() => withAssignment(sent, 'inc-2', 'dispatcher1', later)).toThrow(/not available/);
  });

  it('goes on scene only with an assignment, and "done" (available) ends the assignment', () => {
    expect(() => withStatus(unit, 'on_scene', later)).toThrow(/no assignment/);
    const onScene = withStatus(withAssignment(unit, 'inc-1', 'd', now), 'on_scene', later)!;
    expect(onScene.assignment?.incidentId).toBe('inc-1');
    expect(withStatus(onScene, 'available', later)).toMatchObject({ status: 'available', assignment: null });
    expect(withStatus(onScene, 'off_duty', later)).toMatchObject({ status: 'off_duty', assignment: null });
    expect(withStatus(onScene, 'on_scene', later)).toBeNull();
  });

  it('takes a newer position fix and ignores one older than the stored fix', () => {
    const moved = withReport(unit, { position: { lat: 30.01, lon: 31.21 }, at: later }, later)!;
    expect(moved).toMatchObject({ position: { lat: 30.01, lon: 31.21 }, positionAt: later });
    expect(withReport(moved, { position: { lat: 29, lon: 31 }, at: now }, later)).toBeNull();
  });
});
