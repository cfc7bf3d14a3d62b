import { describe, expect, it } from 'vitest';
import { makeIncident } from '../test/fixtures';
import { acknowledge, alarmingIncidents, alarmState, animatedMarkerIds, isAlarming, reconcileAcks } from './alarm';

const claim = { userId: 'u1', username: 'officer1', at: '2026-11-22T18:01:00Z' };

describe('isAlarming', () => {
  it('rings for a new critical incident nobody claimed', () => {
    expect(isAlarming(makeIncident({ severity: 'critical', status: 'new' }))).toBe(true);
  });

  it('stops once someone claims it', () => {
    expect(isAlarming(makeIncident({ status: 'claimed', claimedBy: claim }))).toBe(false);
  });

  it('ignores non-critical and finished incidents', () => {
    expect(isAlarming(makeIncident({ kind: 'reckless', severity: 'high' }))).toBe(false);
    expect(isAlarming(makeIncident({ status: 'closed' }))).toBe(false);
    expect(isAlarming(makeIncident({ status: 'rejected' }))).toBe(false);
  });

  it('rings for an incident escalated to critical', () => {
    expect(isAlarming(makeIncident({ kind: 'reckless', severity: 'critical', escalatedAt: '2026-11-22T18:01:00Z' }))).toBe(true);
  });
});

describe('alarmingIncidents', () => {
  it('lists the longest-waiting first', () => {
    const list = alarmingIncidents({
      b: makeIncident({ id: 'b', firstSeenAt: '2026-11-22T18:05:00Z' }),
      a: makeIncident({ id: 'a', firstSeenAt: '2026-11-22T18:00:00Z' }),
      c: makeIncident({ id: 'c', status: 'claimed', claimedBy: claim }),
    });
    expect(list.map((i) => i.id)).toEqual(['a', 'b']);
  });
});

describe('animatedMarkerIds', () => {
  const at = (minute: number) => `2026-11-22T18:${String(minute).padStart(2, '0')}:00Z`;

  it('moves the alarming markers waiting longest first, then the newest other critical ones, up to the cap', () => {
    const incidents = [
      makeIncident({ id: 'claimed-old', severity: 'critical', status: 'claimed', claimedBy: claim, firstSeenAt: at(1) }),
      makeIncident({ id: 'claimed-new', severity: 'critical', status: 'claimed', claimedBy: claim, firstSeenAt: at(9) }),
      makeIncident({ id: 'alarm-new', severity: 'critical', firstSeenAt: at(8) }),
      makeIncident({ id: 'alarm-old', severity: 'critical', firstSeenAt: at(2) }),
      makeIncident({ id: 'high', kind: 'reckless', severity: 'high', firstSeenAt: at(10) }),
    ];
    expect([...animatedMarkerIds(incidents, 3)]).toEqual(['alarm-old', 'alarm-new', 'claimed-new']);
    expect([...animatedMarkerIds(incidents)].sort()).toEqual(['alarm-new', 'alarm-old', 'claimed-new', 'claimed-old']);
  });

  it('keeps a mass event to the cap', () => {
    const many = Array.from({ length: 40 }, (_, n) => makeIncident({ id: `c${n}`, severity: 'critical', firstSeenAt: at(n) }));
    expect(animatedMarkerIds(many).size).toBe(12);
    expect(animatedMarkerIds(many).has('c0')).toBe(true);
    expect(animatedMarkerIds(many).has('c39')).toBe(false);
  });
});

describe('alarm state machine', () => {
  it('is quiet with nothing alarming', () => {
    expect(alarmState([], {})).toBe('quiet');
  });

  it('sounds for an unacknowledged incident and is silenced once all are acknowledged', () => {
    expect(alarmState(['a'], {})).toBe('sounding');
    const acks = acknowledge({}, ['a'], 1);
    expect(alarmState(['a'], acks)).toBe('silenced');
  });

  it('sounds again when a new critical incident arrives after an acknowledgement', () => {
    const acks = acknowledge({}, ['a'], 1);
    expect(alarmState(['a', 'b'], acks)).toBe('sounding');
  });

  it('forgets the acknowledgement of a claimed incident, so a release sounds again', () => {
    let acks = acknowledge({}, ['a'], 1);
    acks = reconcileAcks(acks, []);
    expect(acks).toEqual({});
    expect(alarmState(['a'], acks)).toBe('sounding');
  });

  it('keeps the same object when nothing needs forgetting', () => {
    const acks = acknowledge({}, ['a'], 1);
    expect(reconcileAcks(acks, ['a', 'b'])).toBe(acks);
  });

  it('keeps the first acknowledgement time', () => {
    expect(acknowledge(acknowledge({}, ['a'], 1), ['a'], 5)).toEqual({ a: 1 });
  });
});
