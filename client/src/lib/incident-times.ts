import type { Incident } from '@rasd/shared';

function timeOf(iso: string): number {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 0 : t;
}

/**
 * An incident's times in ms, parsed once per incident object. Incidents are replaced, never changed
 * in place, so the parsed value stays right; sorting thousands of them would otherwise parse two
 * dates per comparison on every live change.
 */
function cachedTime(field: 'firstSeenAt' | 'lastSeenAt') {
  const cache = new WeakMap<Incident, number>();
  return (incident: Incident): number => {
    let t = cache.get(incident);
    if (t === undefined) cache.set(incident, (t = timeOf(incident[field])));
    return t;
  };
}

export const firstSeenMs = cachedTime('firstSeenAt');
export const lastSeenMs = cachedTime('lastSeenAt');
