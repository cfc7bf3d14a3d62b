import { describe, expect, it } from 'vitest';
import { makeIncident } from '../../test/fixtures';
import { markerClassName, markerStyle } from './marker-style';

describe('marker style', () => {
  it('starts the class list with the e2e hooks', () => {
    expect(markerClassName(makeIncident({ id: 'abc' })).split(' ').slice(0, 2)).toEqual(['incident-marker', 'incident-abc']);
  });

  it('draws a critical wrong-way incident red, large and pulsing', () => {
    const style = markerStyle(makeIncident({ kind: 'wrong_way', severity: 'critical' }), false);
    expect(style.fillColor).toBe('#ff3b30');
    expect(style.className).toContain('incident-marker--pulse');
    expect(style.radius).toBeGreaterThan(markerStyle(makeIncident({ severity: 'high' }), false).radius);
  });

  it('keeps a critical marker beyond the few that move still, with a thick outline', () => {
    const style = markerStyle(makeIncident({ kind: 'wrong_way', severity: 'critical' }), false, false);
    expect(style.className).toContain('incident-marker--still');
    expect(style.className).not.toContain('pulse');
  });

  it('draws reckless driving orange and does not pulse below critical', () => {
    const style = markerStyle(makeIncident({ kind: 'reckless', severity: 'high' }), false);
    expect(style.fillColor).toBe('#ff9f0a');
    expect(style.className).not.toContain('pulse');
  });

  it('dashes the outline of a social report still being verified', () => {
    expect(markerStyle(makeIncident({ status: 'verifying' }), false).dashArray).toBeDefined();
    expect(markerStyle(makeIncident({ status: 'claimed' }), false).dashArray).toBeUndefined();
  });

  it('makes the selected marker bigger with a white outline', () => {
    const plain = markerStyle(makeIncident(), false);
    const selected = markerStyle(makeIncident(), true);
    expect(selected.radius).toBeGreaterThan(plain.radius);
    expect(selected.color).toBe('#ffffff');
  });

  it('flashes an unclaimed critical incident until it is claimed, and marks an escalated one', () => {
    expect(markerClassName(makeIncident({ severity: 'critical' }))).toContain('incident-marker--alarm');
    const claimed = makeIncident({ status: 'claimed', claimedBy: { userId: 'u', username: 'o', at: '2026-11-22T18:01:00Z' } });
    expect(markerClassName(claimed)).not.toContain('incident-marker--alarm');
    expect(markerClassName(makeIncident({ escalatedAt: '2026-11-22T18:01:00Z' }))).toContain('incident-marker--escalated');
  });
});
