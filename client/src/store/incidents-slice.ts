import type { StateCreator } from 'zustand';
import type { Incident } from '@rasd/shared';
import type { ParsedIncidentList } from '../lib/parse';
import { addTombstones, finishedToRetire, isRetiredCopy } from '../lib/retention';
import type { AppState } from './index';

export interface IncidentsSlice {
  incidents: Record<string, Incident>;
  /** Highest seq applied; null until the first catch-up has completed. */
  lastSeq: number | null;
  /** True while a catch-up is in flight: live events go to `buffer` instead of the map. */
  syncing: boolean;
  syncToken: number;
  buffer: Incident[];
  /** Applies the incident only if its seq is newer than the stored one; true when applied. */
  upsertIncident: (incident: Incident) => boolean;
  /**
   * An incident from an HTTP answer (a command's result, the drawer's detail): replaces the stored
   * copy when newer but leaves `lastSeq` alone, because only the live stream and catch-ups prove
   * that every change up to a seq was seen; raising it here could skip other incidents' changes.
   */
  applyAnswer: (incident: Incident) => boolean;
  /** Entry point for one live `incident:upsert` event. */
  receiveLive: (incident: Incident) => void;
  /** Entry point for live changes gathered into one update (a `live:batch`, or one animation frame's worth). */
  receiveLiveMany: (incidents: readonly Incident[]) => void;
  /** Starts buffering live events; returns the token `finishCatchUp` must present. */
  beginCatchUp: () => number;
  /** Applies a catch-up answer, then the buffered live events in seq order. */
  finishCatchUp: (token: number, list: ParsedIncidentList) => boolean;
  resetIncidents: () => void;
  /** Finished incidents forgotten by `retireFinished`, with their seq (bounded; see lib/retention). */
  retired: ReadonlyMap<string, number>;
  /** Forgets finished incidents except those in `keep`, so a long run's memory stays bounded. */
  retireFinished: (keep: ReadonlySet<string>) => number;
}

const initial = {
  incidents: {},
  lastSeq: null,
  syncing: false,
  syncToken: 0,
  buffer: [],
  retired: new Map(),
} satisfies Partial<IncidentsSlice>;

function applyAll(
  incidents: Record<string, Incident>,
  lastSeq: number | null,
  batch: readonly Incident[],
  retired: ReadonlyMap<string, number>,
): { incidents: Record<string, Incident>; lastSeq: number | null } {
  let next = incidents;
  let seq = lastSeq;
  // Seq order replays history as it happened; the per-incident check alone already makes
  // the end state independent of arrival order (an older copy never overwrites a newer one).
  for (const incident of [...batch].sort((a, b) => a.seq - b.seq)) {
    const stored = next[incident.id];
    if (stored && stored.seq >= incident.seq) continue;
    // Still proves the stream reached this seq, but must not bring a forgotten incident back.
    if (isRetiredCopy(retired, incident)) {
      seq = seq === null ? incident.seq : Math.max(seq, incident.seq);
      continue;
    }
    if (next === incidents) next = { ...incidents };
    next[incident.id] = incident;
    seq = seq === null ? incident.seq : Math.max(seq, incident.seq);
  }
  return { incidents: next, lastSeq: seq };
}

export const createIncidentsSlice: StateCreator<AppState, [], [], IncidentsSlice> = (set, get) => {
  /** Applies changes in one store update; true when an incident changed. */
  function apply(batch: readonly Incident[]): boolean {
    const state = get();
    const result = applyAll(state.incidents, state.lastSeq, batch, state.retired);
    if (result.incidents === state.incidents) {
      if (result.lastSeq !== state.lastSeq) set({ lastSeq: result.lastSeq });
      return false;
    }
    set(result);
    return true;
  }
  return {
    ...initial,
    upsertIncident: (incident) => apply([incident]),
    applyAnswer: (incident) => {
      const stored = get().incidents[incident.id];
      if (stored && stored.seq >= incident.seq) return false;
      if (isRetiredCopy(get().retired, incident)) return false;
      set((s) => ({ incidents: { ...s.incidents, [incident.id]: incident } }));
      return true;
    },
    receiveLive: (incident) => get().receiveLiveMany([incident]),
    receiveLiveMany: (batch) => {
      if (batch.length === 0) return;
      if (get().syncing) set((s) => ({ buffer: [...s.buffer, ...batch] }));
      else apply(batch);
    },
    beginCatchUp: () => {
      const token = get().syncToken + 1;
      // The buffer survives a retried catch-up: per-incident seq rules make replaying it safe,
      // and it does not rely on the next answer covering those events.
      set({ syncing: true, syncToken: token });
      return token;
    },
    finishCatchUp: (token, list) => {
      const state = get();
      if (!state.syncing || token !== state.syncToken) return false;
      const snapshot = applyAll(state.incidents, state.lastSeq, list.incidents, state.retired);
      const floor = snapshot.lastSeq === null ? list.seq : Math.max(snapshot.lastSeq, list.seq);
      const merged = applyAll(snapshot.incidents, floor, state.buffer, state.retired);
      set({ ...merged, syncing: false, buffer: [] });
      return true;
    },
    resetIncidents: () => set((s) => ({ ...initial, retired: new Map(), syncToken: s.syncToken + 1 })),
    retireFinished: (keep) => {
      const state = get();
      const gone = finishedToRetire(state.incidents, keep);
      if (gone.length === 0) return 0;
      const incidents = { ...state.incidents };
      for (const incident of gone) delete incidents[incident.id];
      set({ incidents, retired: addTombstones(state.retired, gone) });
      return gone.length;
    },
  };
};
