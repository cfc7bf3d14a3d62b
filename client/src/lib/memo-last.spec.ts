import { describe, expect, it } from 'vitest';
import { memoLast } from './memo-last';

describe('memoLast', () => {
  it('computes once per argument identity, again for a new one', () => {
    let calls = 0;
    const keys = memoLast((o: Record<string, number>) => (calls++, Object.keys(o)));
    const a = { x: 1 };
    const first = keys(a);
    expect(keys(a)).toBe(first);
    expect(calls).toBe(1);
    expect(keys({ ...a })).toEqual(['x']);
    expect(calls).toBe(2);
  });
});
