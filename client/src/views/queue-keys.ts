/** What a key press in the queue (or the drawer) asks for. */
export type QueueKey =
  | { type: 'move'; to: 'next' | 'previous' | 'first' | 'last' }
  | { type: 'open' }
  | { type: 'claim' }
  | { type: 'action' };

interface KeyLike {
  key: string;
  code?: string;
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
}

/** True for fields where letters are typed, so single-letter shortcuts must stay out. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Maps a key press to a queue command. Letters are matched by physical key too (`code`), so
 * `c` and `a` still work while the keyboard is switched to Arabic (where they type ؤ and ش).
 */
export function queueKey(event: KeyLike): QueueKey | null {
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  switch (event.key) {
    case 'ArrowDown':
      return { type: 'move', to: 'next' };
    case 'ArrowUp':
      return { type: 'move', to: 'previous' };
    case 'Home':
      return { type: 'move', to: 'first' };
    case 'End':
      return { type: 'move', to: 'last' };
    case 'Enter':
    case ' ':
      return { type: 'open' };
  }
  const letter = event.key.toLowerCase();
  if (letter === 'c' || event.code === 'KeyC') return { type: 'claim' };
  if (letter === 'a' || event.code === 'KeyA') return { type: 'action' };
  return null;
}

/** The index a move lands on, or null when it would leave the list. */
export function moveIndex(current: number, count: number, to: 'next' | 'previous' | 'first' | 'last'): number | null {
  if (count === 0) return null;
  const target = to === 'first' ? 0 : to === 'last' ? count - 1 : current < 0 ? 0 : current + (to === 'next' ? 1 : -1);
  return target >= 0 && target < count ? target : null;
}
