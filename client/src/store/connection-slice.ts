import type { StateCreator } from 'zustand';
import type { AppState } from './index';

/** `connected` means connected and caught up; until then the desk shows `reconnecting`. */
export type ConnectionState = 'connected' | 'reconnecting' | 'offline';

export interface ConnectionSlice {
  connection: ConnectionState;
  /** Distinguishes the first "connecting…" from a later "reconnecting…". */
  everConnected: boolean;
  setConnection: (state: ConnectionState) => void;
  resetConnection: () => void;
}

export const createConnectionSlice: StateCreator<AppState, [], [], ConnectionSlice> = (set) => ({
  connection: 'reconnecting',
  everConnected: false,
  setConnection: (connection) =>
    set((s) => ({ connection, everConnected: s.everConnected || connection === 'connected' })),
  resetConnection: () => set({ connection: 'reconnecting', everConnected: false }),
});
