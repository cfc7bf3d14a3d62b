import { describe, expect, it } from 'vitest';
import { makeIncident } from '../test/fixtures';
import { activeFilterCount, matchesFilters, noCorridor, noFilters, toggleFilter } from './filters';

describe('matchesFilters', () => {
  it('lets everything through with no filter chosen', () => {
    expect(matchesFilters(makeIncident(), noFilters)).toBe(true);
  });

  it('keeps only the chosen corridors, kinds, sources and statuses', () => {
    const incident = makeIncident({ corridorId: 'ring_road', kind: 'wrong_way', source: 'camera', status: 'new' });
    expect(matchesFilters(incident, { ...noFilters, corridors: ['ring_road', 'autostrad'] })).toBe(true);
    expect(matchesFilters(incident, { ...noFilters, corridors: ['autostrad'] })).toBe(false);
    expect(matchesFilters(incident, { ...noFilters, kinds: ['reckless'] })).toBe(false);
    expect(matchesFilters(incident, { ...noFilters, sources: ['social'] })).toBe(false);
    expect(matchesFilters(incident, { ...noFilters, statuses: ['claimed'] })).toBe(false);
  });

  it('requires every chosen field to match', () => {
    const incident = makeIncident({ corridorId: 'ring_road', kind: 'wrong_way' });
    expect(matchesFilters(incident, { ...noFilters, corridors: ['ring_road'], kinds: ['speeding'] })).toBe(false);
  });

  it('filters incidents off the corridors under "none"', () => {
    const incident = makeIncident({ corridorId: null });
    expect(matchesFilters(incident, { ...noFilters, corridors: [noCorridor] })).toBe(true);
    expect(matchesFilters(incident, { ...noFilters, corridors: ['ring_road'] })).toBe(false);
  });
});

describe('toggleFilter', () => {
  it('adds and removes a value and counts the choices', () => {
    const once = toggleFilter(noFilters, 'kinds', 'wrong_way');
    expect(once.kinds).toEqual(['wrong_way']);
    expect(activeFilterCount(once)).toBe(1);
    expect(toggleFilter(once, 'kinds', 'wrong_way').kinds).toEqual([]);
    expect(noFilters.kinds).toEqual([]);
  });
});
