import type { StateCreator } from 'zustand';
import { acknowledge, reconcileAcks, type Acks } from '../lib/alarm';
import type { AppState } from './index';

/** A short notice in the corner; today only escalations (to commanders). */
export interface Toast {
  id: string;
  kind: 'escalated';
  incidentId: string;
  at: number;
}

/** Toasts kept at once: a burst of escalations must not bury the screen or grow memory. */
export const maxToasts = 4;

export interface AlarmSlice {
  /** Alarming incidents whose sound this desk acknowledged. The flash and banner stay. */
  alarmAcks: Acks;
  toasts: Toast[];
  acknowledgeAlarms: (incidentIds: readonly string[]) => void;
  /** Drops acknowledgements of incidents no longer alarming (claimed, closed). */
  reconcileAlarms: (alarmingIds: readonly string[]) => void;
  pushToast: (toast: Omit<Toast, 'id'>) => void;
  dismissToast: (id: string) => void;
  resetAlarms: () => void;
}

let toastCounter = 0;

export const createAlarmSlice: StateCreator<AppState, [], [], AlarmSlice> = (set) => ({
  alarmAcks: {},
  toasts: [],
  acknowledgeAlarms: (ids) => set((s) => ({ alarmAcks: acknowledge(s.alarmAcks, ids, Date.now()) })),
  reconcileAlarms: (ids) =>
    set((s) => {
      const next = reconcileAcks(s.alarmAcks, ids);
      return next === s.alarmAcks ? {} : { alarmAcks: next };
    }),
  pushToast: (toast) =>
    set((s) => {
      // One notice per incident: a repeated event refreshes it instead of stacking.
      const others = s.toasts.filter((t) => !(t.kind === toast.kind && t.incidentId === toast.incidentId));
      return { toasts: [...others, { ...toast, id: `toast-${++toastCounter}` }].slice(-maxToasts) };
    }),
  dismissToast: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
  resetAlarms: () => set({ alarmAcks: {}, toasts: [] }),
});
