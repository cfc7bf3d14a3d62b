import type { StateCreator } from 'zustand';
import { noFilters, toggleFilter, type FilterField, type Filters } from '../lib/filters';
import { readStoredNumerals, setCurrentNumerals, storeNumerals, type Numerals } from '../i18n/numerals';
import type { AppState } from './index';

export type MapMode = 'markers' | 'heat';

export interface PrefsSlice {
  /** Digits for numbers, times and timers; remembered on this browser. */
  numerals: Numerals;
  filters: Filters;
  mapMode: MapMode;
  setNumerals: (numerals: Numerals) => void;
  toggleFilter: <F extends FilterField>(field: F, value: Filters[F][number]) => void;
  clearFilters: () => void;
  setMapMode: (mode: MapMode) => void;
}

export const createPrefsSlice: StateCreator<AppState, [], [], PrefsSlice> = (set) => ({
  numerals: readStoredNumerals(),
  filters: noFilters,
  mapMode: 'markers',
  setNumerals: (numerals) => {
    setCurrentNumerals(numerals);
    storeNumerals(numerals);
    set({ numerals });
  },
  toggleFilter: (field, value) => set((s) => ({ filters: toggleFilter(s.filters, field, value) })),
  clearFilters: () => set({ filters: noFilters }),
  setMapMode: (mapMode) => set({ mapMode }),
});
