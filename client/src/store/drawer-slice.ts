import type { StateCreator } from 'zustand';
import type { PresencePayload } from '@rasd/shared';
import type { AppState } from './index';

/**
 * Why the last claim of an incident did not succeed: lost to someone, or refused for another
 * reason. `seq` is the incident's seq when the claim was sent, so later changes can retire it.
 */
export type ClaimFeedback = { kind: 'lost'; holder: string; seq: number } | { kind: 'failed'; code: string; seq: number };

export interface DrawerSlice {
  /** The incident shown in the drawer (null: closed). Selection alone does not open it. */
  drawerId: string | null;
  /** The legal action form when open, and the recorded action it corrects. */
  actionForm: { corrects: string | null } | null;
  /** Usernames watching each incident, from `presence:update`; empty lists are dropped. */
  watchers: Record<string, string[]>;
  claimFeedback: Record<string, ClaimFeedback>;
  /** Selects the incident and opens the drawer on it; `pan` also moves the map there. */
  openIncident: (id: string, pan?: boolean) => void;
  closeDrawer: () => void;
  openActionForm: (corrects?: string | null) => void;
  closeActionForm: () => void;
  setWatchers: (payload: PresencePayload) => void;
  setClaimFeedback: (incidentId: string, feedback: ClaimFeedback | null) => void;
  /** On sign-out: the next user must not find the previous one's drawer or messages. */
  resetDrawer: () => void;
}

const initial = { drawerId: null, actionForm: null, watchers: {}, claimFeedback: {} } satisfies Partial<DrawerSlice>;

export const createDrawerSlice: StateCreator<AppState, [], [], DrawerSlice> = (set, get) => ({
  ...initial,
  resetDrawer: () => set(initial),
  openIncident: (id, pan = false) => {
    get().select(id, pan);
    // A half-filled form belongs to the incident it was opened on, never to the next one.
    set((s) => (s.drawerId === id ? {} : { drawerId: id, actionForm: null }));
  },
  closeDrawer: () => set({ drawerId: null, actionForm: null }),
  openActionForm: (corrects = null) => set({ actionForm: { corrects } }),
  closeActionForm: () => set({ actionForm: null }),
  setWatchers: ({ incidentId, watchers }) =>
    set((s) => {
      const next = { ...s.watchers };
      if (watchers.length > 0) next[incidentId] = watchers;
      else delete next[incidentId];
      return { watchers: next };
    }),
  setClaimFeedback: (incidentId, feedback) =>
    set((s) => {
      if (!feedback && !(incidentId in s.claimFeedback)) return {};
      const next = { ...s.claimFeedback };
      if (feedback) next[incidentId] = feedback;
      else delete next[incidentId];
      return { claimFeedback: next };
    }),
});
