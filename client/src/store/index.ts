import { create, type StateCreator } from 'zustand';
import type { Language } from '@rasd/shared';
import { createSessionSlice, type SessionSlice } from './session-slice';
import { createIncidentsSlice, type IncidentsSlice } from './incidents-slice';
import { createConnectionSlice, type ConnectionSlice } from './connection-slice';
import { createUiSlice, type UiSlice } from './ui-slice';
import { createDrawerSlice, type DrawerSlice } from './drawer-slice';
import { createAlarmSlice, type AlarmSlice } from './alarm-slice';
import { createPrefsSlice, type PrefsSlice } from './prefs-slice';
import { createUnitsSlice, type UnitsSlice } from './units-slice';
import { readStoredLanguage } from '../i18n/language';

export type AppState = SessionSlice & IncidentsSlice & ConnectionSlice & UiSlice & DrawerSlice & AlarmSlice & PrefsSlice & UnitsSlice;

/** The combined store; tests pass it to `createStore` from zustand/vanilla for a fresh copy. */
export const appStateCreator =
  (language: Language): StateCreator<AppState> =>
  (...a) => ({
    ...createSessionSlice(...a),
    ...createIncidentsSlice(...a),
    ...createConnectionSlice(...a),
    ...createUiSlice(language)(...a),
    ...createDrawerSlice(...a),
    ...createAlarmSlice(...a),
    ...createPrefsSlice(...a),
    ...createUnitsSlice(...a),
  });

export const useStore = create<AppState>()(appStateCreator(readStoredLanguage()));

/** What non-React modules (socket, sync) need from the store. */
export interface StoreHandle {
  getState: () => AppState;
  /** Optional so tests can pass a bare `{ getState }`; the real store has it. */
  subscribe?: (listener: (state: AppState, previous: AppState) => void) => () => void;
}
