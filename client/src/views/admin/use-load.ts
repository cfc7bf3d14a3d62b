import { useCallback, useEffect, useRef, useState } from 'react';

export interface Loaded<T> {
  data: T | null;
  /** The last load failed (the last good data stays on screen meanwhile). */
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** Loads once, again whenever `key` changes, and on `reload()`; an answer for an older key is dropped. */
export function useLoad<T>(load: () => Promise<T>, key: string = ''): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: unknown; loading: boolean }>({ data: null, error: null, loading: true });
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const reload = useCallback(() => setTick((n) => n + 1), []);

  useEffect(() => {
    let cancelled = false;
    setState((s) => ({ ...s, loading: true }));
    loadRef
      .current()
      .then((data) => !cancelled && setState({ data, error: null, loading: false }))
      .catch((error: unknown) => !cancelled && setState((s) => ({ ...s, error, loading: false })));
    return () => {
      cancelled = true;
    };
  }, [key, tick]);

  return { ...state, reload };
}
