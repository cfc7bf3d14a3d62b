import { describe, expect, it } from 'vitest';
import { isTextEntry, moveIndex, queueKey } from './queue-keys';

describe('queueKey', () => {
  it('maps arrows, Enter, c and a to queue commands', () => {
    expect(queueKey({ key: 'ArrowDown' })).toEqual({ type: 'move', to: 'next' });
    expect(queueKey({ key: 'ArrowUp' })).toEqual({ type: 'move', to: 'previous' });
    expect(queueKey({ key: 'Enter' })).toEqual({ type: 'open' });
    expect(queueKey({ key: 'c', code: 'KeyC' })).toEqual({ type: 'claim' });
    expect(queueKey({ key: 'A', code: 'KeyA' })).toEqual({ type: 'action' });
  });

  it('reads c and a by physical key on an Arabic keyboard layout', () => {
    expect(queueKey({ key: 'ؤ', code: 'KeyC' })).toEqual({ type: 'claim' });
    expect(queueKey({ key: 'ش', code: 'KeyA' })).toEqual({ type: 'action' });
  });

  it('leaves browser shortcuts and other keys alone', () => {
    expect(queueKey({ key: 'c', code: 'KeyC', ctrlKey: true })).toBeNull();
    expect(queueKey({ key: 'a', code: 'KeyA', metaKey: true })).toBeNull();
    expect(queueKey({ key: 'x', code: 'KeyX' })).toBeNull();
  });
});

describe('moveIndex', () => {
  it('moves within the list and stops at its ends', () => {
    expect(moveIndex(0, 3, 'next')).toBe(1);
    expect(moveIndex(2, 3, 'next')).toBeNull();
    expect(moveIndex(0, 3, 'previous')).toBeNull();
    expect(moveIndex(1, 3, 'last')).toBe(2);
    expect(moveIndex(-1, 3, 'next')).toBe(0);
    expect(moveIndex(0, 0, 'first')).toBeNull();
  });
});

describe('isTextEntry', () => {
  it('is true for inputs, selects and text areas only', () => {
    expect(isTextEntry(document.createElement('input'))).toBe(true);
    expect(isTextEntry(document.createElement('textarea'))).toBe(true);
    expect(isTextEntry(document.createElement('li'))).toBe(false);
    expect(isTextEntry(null)).toBe(false);
  });
});
