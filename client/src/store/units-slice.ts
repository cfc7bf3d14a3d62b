import type { StateCreator } from 'zustand';
import type { GeoPoint, Unit } from '@rasd/shared';
import type { AppState } from './index';

export interface UnitsSlice {
  units: Record<string, Unit>;
  /** Applies units (live `unit:upsert` or a full list): each replaces the stored copy only when its seq is newer. */
  applyUnits: (units: readonly Unit[]) => void;
  resetUnits: () => void;
  /** The intercept point the open incident's dispatch proposal suggests, drawn on the map. */
  proposedIntercept: ProposedIntercept | null;
  showIntercept: (intercept: ProposedIntercept | null) => void;
}

export interface ProposedIntercept {
  incidentId: string;
  location: GeoPoint;
  callSign: string;
  marginS: number;
}

export const createUnitsSlice: StateCreator<AppState, [], [], UnitsSlice> = (set) => ({
  units: {},
  applyUnits: (incoming) =>
    set((s) => {
      let next = s.units;
      for (const unit of incoming) {
        const stored = next[unit.id];
        if (stored && stored.seq >= unit.seq) continue;
        if (next === s.units) next = { ...s.units };
        next[unit.id] = unit;
      }
      return next === s.units ? s : { units: next };
    }),
  resetUnits: () => set({ units: {}, proposedIntercept: null }),
  proposedIntercept: null,
  showIntercept: (proposedIntercept) => set({ proposedIntercept }),
});
