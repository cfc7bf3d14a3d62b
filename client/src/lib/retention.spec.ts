import { describe, expect, it } from 'vitest';
import { makeIncident } from '../test/fixtures';
import { addTombstones, finishedToRetire, isRetiredCopy } from './retention';

describe('finishedToRetire', () => {
  it('picks finished incidents that are not on screen', () => {
    const incidents = {
      a: makeIncident({ id: 'a', status: 'closed' }),
      b: makeIncident({ id: 'b', status: 'merged' }),
      c: makeIncident({ id: 'c', status: 'new' }),
      d: makeIncident({ id: 'd', status: 'rejected' }),
    };
    expect(finishedToRetire(incidents, new Set(['d'])).map((i) => i.id)).toEqual(['a', 'b']);
  });
});

describe('tombstones', () => {
  it('refuses an older or equal copy of a retired incident and accepts a newer one', () => {
    const tombstones = addTombstones(new Map(), [makeIncident({ id: 'a', seq: 10, status: 'closed' })]);
    expect(isRetiredCopy(tombstones, makeIncident({ id: 'a', seq: 9 }))).toBe(true);
    expect(isRetiredCopy(tombstones, makeIncident({ id: 'a', seq: 10 }))).toBe(true);
    expect(isRetiredCopy(tombstones, makeIncident({ id: 'a', seq: 11 }))).toBe(false);
    expect(isRetiredCopy(tombstones, makeIncident({ id: 'b', seq: 1 }))).toBe(false);
  });

  it('stays bounded, forgetting the oldest first', () => {
    let tombstones = new Map<string, number>();
    for (let i = 0; i < 10; i++) tombstones = addTombstones(tombstones, [makeIncident({ id: `i${i}`, seq: i })], 4);
    expect([...tombstones.keys()]).toEqual(['i6', 'i7', 'i8', 'i9']);
  });
});
