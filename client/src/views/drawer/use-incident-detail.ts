import { useEffect, useState } from 'react';
import { ApiError } from '../../api/http';
import { fetchIncidentDetail } from '../../api/incidents';
import type { ParsedIncidentDetail } from '../../lib/parse';
import { useStore } from '../../store';

export interface DetailState {
  detail: ParsedIncidentDetail | null;
  /** The error code of the last failed load; the previous detail stays on screen meanwhile. */
  error: string | null;
}

/**
 * Alerts and history of the open incident. Loaded again whenever the incident's seq moves
 * (a live upsert), so the timeline follows what other desks do without a reload.
 */
export function useIncidentDetail(id: string, seq: number | undefined): DetailState {
  const [state, setState] = useState<DetailState>({ detail: null, error: null });
  useEffect(() => {
    let cancelled = false;
    fetchIncidentDetail(id)
      .then((detail) => {
        if (cancelled) return;
        setState({ detail, error: null });
        useStore.getState().applyAnswer(detail.incident);
      })
      .catch((error: unknown) => {
        if (!cancelled) setState((s) => ({ ...s, error: error instanceof ApiError ? error.code : 'unexpected' }));
      });
    return () => {
      cancelled = true;
    };
  }, [id, seq]);
  return state;
}
