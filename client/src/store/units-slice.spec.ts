import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { Unit } from '@rasd/shared';
import { appStateCreator } from './index';

const unit = (seq: number, status: Unit['status'] = 'available'): Unit => ({
  id: 'u1', seq, callSign: 'P-101', kind: 'car', status, position: { lat: 30, lon: 31.3 }, positionAt: null, assignment: null, updatedAt: '',
});

describe('units slice', () => {
  it('keeps the newest copy of each unit whatever order the list and live events arrive in', () => {
    const sut = createStore(appStateCreator('ar'));
    sut.getState().applyUnits([unit(5, 'en_route')]);
    // A list fetched before that live event answers with an older copy: it must not win.
    sut.getState().applyUnits([unit(3, 'available')]);
    expect(sut.getState().units.u1!.status).toBe('en_route');
    sut.getState().applyUnits([unit(6, 'on_scene')]);
    expect(sut.getState().units.u1!.status).toBe('on_scene');
  });
});
