import { describe, expect, it } from 'vitest';
import { makeIncident } from '../test/fixtures';
import { buildClusterIndex, neverClustered, pointsInView } from './clusters';

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

  it('keeps critical and selected incidents out of clusters', () => {
    expect(neverClustered(makeIncident({ severity: 'critical' }), null)).toBe(true);
    expect(neverClustered(makeIncident({ id: 'x', severity: 'low' }), 'x')).toBe(true);
    expect(neverClustered(makeIncident({ id: 'x', severity: 'low' }), 'y')).toBe(false);
  });
});
