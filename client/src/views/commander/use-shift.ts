import { useCallback, useEffect, useRef, useState } from 'react';
import type { ShiftRef } from '@rasd/shared';
import { ApiError } from '../../api/http';
import { isLiveShift } from '../../lib/commander';
import { useStore } from '../../store';

export interface Loaded<T> {
  data: T | null;
  /** Error code of the last failed load; the last good data stays on screen meanwhile. */
  error: string | null;
  reload: () => void;
}

/** Coalesces bursts of live changes into one reload. */
const liveDebounceMs = 600;

/**
 * Loads something about the shift containing `at` (null: the current one). While that shift is
 * live, every live incident change (the socket's incident:upsert raises the store's lastSeq)
 * loads it again, so the numbers follow the room without a reload.
 */
export function useShiftData<T extends { shift: ShiftRef } | { summary: { shift: ShiftRef } }>(
  at: string | null,
  load: (at: string | null) => Promise<T>,
  options: { live?: boolean } = {},
): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: string | null }>({ data: null, error: null });
  const [tick, setTick] = useState(0);
  const lastSeq = useStore((s) => s.lastSeq);
  const loadRef = useRef(load);
  loadRef.current = load;
  const reload = useCallback(() => setTick((n) => n + 1), []);

  useEffect(() => {
    let cancelled = false;
    loadRef
      .current(at)
      .then((data) => !cancelled && setState({ data, error: null }))
      .catch((e: unknown) => !cancelled && setState((s) => ({ ...s, error: e instanceof ApiError ? e.code : 'unexpected' })));
    return () => {
      cancelled = true;
    };
  }, [at, tick]);

  const data = state.data;
  const shift = data ? ('shift' in data ? data.shift : data.summary.shift) : null;
  const live = options.live !== false && shift !== null && isLiveShift(shift);
  useEffect(() => {
    if (!live || lastSeq === null) return;
    const timer = setTimeout(reload, liveDebounceMs);
    return () => clearTimeout(timer);
  }, [live, lastSeq, reload]);

  return { ...state, reload };
}
