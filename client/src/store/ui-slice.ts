import type { StateCreator } from 'zustand';
import type { Language } from '@rasd/shared';
import type { AppState } from './index';

export interface AlertFlash {
  incidentId: string;
  /** Increments on every alert so the same incident can flash again. */
  count: number;
}

export interface UiSlice {
  language: Language;
  selectedId: string | null;
  /** Bumped when the map should pan to the selection (a keyboard or list choice). */
  focusRequest: number;
  flash: AlertFlash | null;
  setLanguage: (language: Language) => void;
  select: (id: string | null, pan?: boolean) => void;
  noteAlert: (incidentId: string) => void;
}

export const createUiSlice =
  (language: Language): StateCreator<AppState, [], [], UiSlice> =>
  (set) => ({
    language,
    selectedId: null,
    focusRequest: 0,
    flash: null,
    setLanguage: (next) => set({ language: next }),
    select: (id, pan = false) =>
      set((s) => ({ selectedId: id, focusRequest: pan ? s.focusRequest + 1 : s.focusRequest })),
    noteAlert: (incidentId) => set((s) => ({ flash: { incidentId, count: (s.flash?.count ?? 0) + 1 } })),
  });
