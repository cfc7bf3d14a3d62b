import { describe, expect, it } from 'vitest';
import { makeIncident } from '../test/fixtures';
import { buildClusterIndex, clusterIndexFor, pointsInView, splitPinned } from './clusters';

const cairo: [number, number, number, number] = [30.9, 29.7, 31.8, 30.4];

function near(n: number, severity: 'high' | 'medium' | 'low' = 'medium') {
  return Array.from({ length: n }, (_, i) =>
    makeIncident({ id: `n${i}-${severity}`, kind: 'speeding', severity, location: { lat: 30.05 + i * 0.0005, lon: 31.3 } }),
  );
}

describe('clustering', () => {
  it('merges nearby incidents at city zoom and names the most severe member', () => {
    const incidents = [...near(20), makeIncident({ id: 'hi', kind: 'reckless', severity: 'high', location: { lat: 30.0501, lon: 31.3001 } })];
    const index = buildClusterIndex(incidents);
    const points = pointsInView(index, new Map(incidents.map((i) => [i.id, i])), cairo, 11);
    expect(points).toHaveLength(1);
    expect(points[0]).toMatchObject({ type: 'cluster', count: 21, worst: 'high' });
  });

  it('draws every incident on its own at street level', () => {
    const incidents = near(5);
    const index = buildClusterIndex(incidents);
    const points = pointsInView(index, new Map(incidents.map((i) => [i.id, i])), cairo, 18);
    expect(points.filter((p) => p.type === 'incident')).toHaveLength(5);
  });

  it('gives each cluster a zoom at which it splits', () => {
    const incidents = near(10);
    const index = buildClusterIndex(incidents);
    const [cluster] = pointsInView(index, new Map(incidents.map((i) => [i.id, i])), cairo, 10);
    expect(cluster?.type === 'cluster' && cluster.expansionZoom).toBeGreaterThan(10);
  });

  it('keeps a cluster’s key when the index is rebuilt with a change elsewhere', () => {
    const far = Array.from({ length: 5 }, (_, i) => makeIncident({ id: `f${i}`, kind: 'speeding', severity: 'low', location: { lat: 30.2 + i * 0.0005, lon: 31.6 } }));
    const keysOf = (list: ReturnType<typeof makeIncident>[]) =>
      pointsInView(buildClusterIndex(list), new Map(list.map((i) => [i.id, i])), cairo, 11).flatMap((p) => (p.type === 'cluster' ? [`${p.key}:${p.count}`] : []));
    const before = keysOf([...near(20), ...far]);
    const after = keysOf([...near(20), ...far, makeIncident({ id: 'new', severity: 'low', location: { lat: 30.2001, lon: 31.6001 } })]);
    expect(before).toHaveLength(2);
    // The untouched cluster keeps its key; only the one that gained a member changes.
    expect(after.filter((k) => before.includes(k))).toHaveLength(1);
    expect(new Set(after).size).toBe(after.length);
  });

  it('keeps critical and selected incidents out of clusters', () => {
    const list = [makeIncident({ id: 'c', severity: 'critical' }), makeIncident({ id: 'x', severity: 'low' }), makeIncident({ id: 'y', severity: 'low' })];
    const { pinned, clustered } = splitPinned(list, 'x');
    expect(pinned.map((i) => i.id)).toEqual(['c', 'x']);
    expect(clustered.map((i) => i.id)).toEqual(['y']);
  });

  it('pins only the newest critical incidents beyond the cap, and always the selected one', () => {
    const oldestFirst = Array.from({ length: 6 }, (_, i) => makeIncident({ id: `c${i}`, severity: 'critical' }));
    const { pinned, clustered } = splitPinned(oldestFirst, 'c0', 3);
    expect(pinned.map((i) => i.id)).toEqual(['c0', 'c3', 'c4', 'c5']);
    expect(clustered.map((i) => i.id)).toEqual(['c1', 'c2']);
  });

  it('keeps its index when only what clustering does not read changes, and rebuilds otherwise', () => {
    const list = near(30);
    const first = clusterIndexFor(null, list);
    const claimed = list.map((i, n) => (n === 3 ? { ...i, status: 'claimed' as const, claimedBy: { userId: 'u', username: 'officer1', at: i.firstSeenAt } } : i));
    const again = clusterIndexFor(first, claimed);
    expect(again.index).toBe(first.index);
    expect(again.incidents).toBe(claimed);

    const moved = claimed.map((i, n) => (n === 5 ? { ...i, location: { lat: i.location.lat + 0.01, lon: i.location.lon } } : i));
    expect(clusterIndexFor(again, moved).index).not.toBe(first.index);
    const graver = claimed.map((i, n) => (n === 5 ? { ...i, severity: 'high' as const } : i));
    expect(clusterIndexFor(again, graver).index).not.toBe(first.index);
    expect(clusterIndexFor(again, claimed.slice(1)).index).not.toBe(first.index);
    const swapped = [claimed[1]!, claimed[0]!, ...claimed.slice(2)];
    expect(clusterIndexFor(again, swapped).index).not.toBe(first.index);
  });
});
