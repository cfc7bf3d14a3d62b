import type { StateCreator } from 'zustand';
import type { SessionUser } from '@rasd/shared';
import type { AppState } from './index';

export type SessionStatus = 'checking' | 'anonymous' | 'authenticated';

export interface SessionSlice {
  sessionStatus: SessionStatus;
  user: SessionUser | null;
  setUser: (user: SessionUser | null) => void;
}

export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set) => ({
  sessionStatus: 'checking',
  user: null,
  setUser: (user) => set({ user, sessionStatus: user ? 'authenticated' : 'anonymous' }),
});
