import { describe, expect, it } from 'vitest';
import type { Role, SessionUser } from '@rasd/shared';
import { makeIncident } from '../test/fixtures';
import { allowedCommands as sut } from './allowed-commands';

const user = (role: Role, id = 'u-' + role): SessionUser => ({ id, username: role + '1', role });
const claimedBy = (userId: string) => ({ userId, username: userId, at: '2026-11-22T18:01:00Z' });
const shown = (commands: ReturnType<typeof sut>) =>
  Object.entries(commands)
    .filter(([, on]) => on)
    .map(([name]) => name)
    .sort();

describe('allowedCommands', () => {
  it('offers claim, and nothing else, on a new unclaimed incident to an officer', () => {
    expect(shown(sut(makeIncident(), user('officer')))).toEqual(['claim']);
  });

  it('offers the holder release, hand-over and the legal action form', () => {
    const incident = makeIncident({ status: 'claimed', claimedBy: claimedBy('u-officer') });
    expect(shown(sut(incident, user('officer')))).toEqual(['action', 'handover', 'release']);
  });

  it('offers another officer nothing on an incident someone else holds', () => {
    const incident = makeIncident({ status: 'claimed', claimedBy: claimedBy('someone') });
    expect(shown(sut(incident, user('officer')))).toEqual([]);
  });

  it('offers a commander take-over, release and hand-over of an incident someone else holds, but no action', () => {
    const incident = makeIncident({ status: 'claimed', claimedBy: claimedBy('someone') });
    expect(shown(sut(incident, user('commander')))).toEqual(['handover', 'release', 'takeover']);
  });

  it('offers close only once an action was recorded, to the holder or a commander', () => {
    const incident = makeIncident({ status: 'actioned', claimedBy: claimedBy('u-officer') });
    expect(sut(incident, user('officer')).close).toBe(true);
    expect(sut(incident, user('commander')).close).toBe(true);
    expect(sut(incident, user('officer', 'other')).close).toBe(false);
    expect(sut(makeIncident({ status: 'claimed', claimedBy: claimedBy('u-officer') }), user('officer')).close).toBe(false);
  });

  it('offers nothing on finished incidents', () => {
    for (const status of ['closed', 'merged', 'rejected'] as const) {
      expect(shown(sut(makeIncident({ status }), user('commander')))).toEqual([]);
    }
  });

  it('offers an administrator and an anonymous page nothing', () => {
    expect(shown(sut(makeIncident(), user('admin')))).toEqual([]);
    expect(shown(sut(makeIncident(), null))).toEqual([]);
  });

  it('offers verification of a social report in verifying to officers and commanders, not dispatchers', () => {
    const incident = makeIncident({ source: 'social', status: 'verifying' });
    expect(sut(incident, user('officer')).verify).toBe(true);
    expect(sut(incident, user('commander')).verify).toBe(true);
    expect(sut(incident, user('dispatcher')).verify).toBe(false);
    expect(sut(makeIncident({ status: 'verifying' }), user('officer')).verify).toBe(false);
    expect(sut({ ...incident, claimedBy: claimedBy('someone') }, user('officer')).verify).toBe(false);
  });

  it('allows a legal action only in claimed, verified, dispatched and actioned', () => {
    const holder = claimedBy('u-officer');
    const statuses = ['new', 'verifying', 'verified', 'claimed', 'dispatched', 'actioned'] as const;
    const allowed = statuses.filter((status) => sut(makeIncident({ status, claimedBy: holder }), user('officer')).action);
    expect(allowed).toEqual(['verified', 'claimed', 'dispatched', 'actioned']);
  });
});
