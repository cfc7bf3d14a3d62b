import { useEffect } from 'react';
import { useStore } from '../store';

const everyMs = 15_000;

/** Forgets finished incidents now and then, keeping the one on screen, so memory stays bounded over a shift. */
export function useRetention(): void {
  useEffect(() => {
    const timer = setInterval(() => {
      const { selectedId, drawerId, retireFinished } = useStore.getState();
      retireFinished(new Set([selectedId, drawerId].filter((id): id is string => id !== null)));
    }, everyMs);
    return () => clearInterval(timer);
  }, []);
}
