import { describe, expect, it } from 'vitest';
import { incidentStatuses, type Incident, type IncidentSource, type IncidentStatus } from '@rasd/shared';
import { AppError } from '../errors';
import { decide, type Actor, type IncidentCommand } from './lifecycle';

const now = '2026-11-27T18:00:00.000Z';
const officer: Actor = { userId: 'u1', username: 'amr', role: 'officer' };
const other: Actor = { userId: 'u2', username: 'mona', role: 'officer' };
const commander: Actor = { userId: 'u3', username: 'kamal', role: 'commander' };
const admin: Actor = { userId: 'u4', username: 'root', role: 'admin' };

function incident(status: IncidentStatus, source: IncidentSource = 'camera', holder: Actor | null = null): Incident {
  return {
    id: 'i1',
    seq: 1,
    kind: 'wrong_way',
    source,
    severity: 'critical',
    status,
    corridorId: 'ring_road',
    location: { lat: 30, lon: 31 },
    firstSeenAt: now,
    lastSeenAt: now,
    alertCount: 1,
    claimedBy: holder ? { userId: holder.userId, username: holder.username, at: now } : null,
    actions: [],
    plate: null,
    cameraId: null,
    speedKmh: null,
    verification: null,
    escalatedAt: null,
  };
}

const arrest: IncidentCommand = { type: 'action', actionId: 'a1', request: { type: 'arrest', plate: 'قصب1234' } };

function outcome(fn: () => unknown): string {
  try {
    const result = fn();
    return result === null ? 'unchanged' : 'ok';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
}

describe('claims', () => {
  it('gives an unclaimed new incident to the claimer', () => {
    const d = decide(incident('new'), { type: 'claim' }, officer, now)!;
    expect(d.incident.status).toBe('claimed');
    expect(d.incident.claimedBy).toEqual({ userId: 'u1', username: 'amr', at: now });
    expect(d.event.type).toBe('claimed');
  });

  it('refuses a claim on an incident someone else holds, naming the holder', () => {
    try {
      decide(incident('claimed', 'camera', other), { type: 'claim' }, officer, now);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('already_claimed');
      expect((e as AppError).message).toContain('mona');
    }
  });

  it('treats a repeated claim by the holder as no change', () => {
    expect(decide(incident('claimed', 'camera', officer), { type: 'claim' }, officer, now)).toBeNull();
  });

  it('keeps a social report in verifying while its verifier holds it', () => {
    expect(decide(incident('verifying', 'social'), { type: 'claim' }, officer, now)!.incident.status).toBe('verifying');
  });

  it('lets the holder or a commander release, not another officer', () => {
    expect(decide(incident('claimed', 'camera', officer), { type: 'release' }, officer, now)!.incident).toMatchObject({ status: 'new', claimedBy: null });
    expect(outcome(() => decide(incident('claimed', 'camera', officer), { type: 'release' }, commander, now))).toBe('ok');
    expect(outcome(() => decide(incident('claimed', 'camera', officer), { type: 'release' }, other, now))).toBe('forbidden');
    expect(outcome(() => decide(incident('new'), { type: 'release' }, officer, now))).toBe('invalid_transition');
  });

  it('returns a released verified social incident to verified', () => {
    const held = { ...incident('claimed', 'social', officer), verification: { verdict: 'verified' as const, reason: null, by: officer, at: now } };
    expect(decide(held, { type: 'release' }, officer, now)!.incident.status).toBe('verified');
  });

  it('lets a commander take over whoever holds it', () => {
    const d = decide(incident('dispatched', 'camera', other), { type: 'takeover' }, commander, now)!;
    expect(d.incident).toMatchObject({ status: 'dispatched', claimedBy: { username: 'kamal' } });
    expect(d.event).toEqual({ type: 'taken_over', data: { previousHolder: 'mona' } });
  });

  it('hands over from the holder to a named officer, never to an administrator', () => {
    const d = decide(incident('claimed', 'camera', officer), { type: 'handover', to: other }, officer, now)!;
    expect(d.incident.claimedBy?.username).toBe('mona');
    expect(outcome(() => decide(incident('claimed', 'camera', other), { type: 'handover', to: officer }, officer, now))).toBe('forbidden');
    expect(outcome(() => decide(incident('claimed', 'camera', officer), { type: 'handover', to: admin }, officer, now))).toBe('invalid_input');
  });
});

describe('verification', () => {
  it('verifies a social report and leaves the verifier holding it', () => {
    const d = decide(incident('verifying', 'social'), { type: 'verify', request: { verdict: 'verified' } }, officer, now)!;
    expect(d.incident).toMatchObject({ status: 'verified', claimedBy: { username: 'amr' }, verification: { verdict: 'verified' } });
  });

  it('rejects only with a reason, and frees the report', () => {
    expect(outcome(() => decide(incident('verifying', 'social'), { type: 'verify', request: { verdict: 'rejected' } }, officer, now))).toBe('invalid_input');
    const d = decide(incident('verifying', 'social'), { type: 'verify', request: { verdict: 'rejected', reason: 'old video' } }, officer, now)!;
    expect(d.incident).toMatchObject({ status: 'rejected', claimedBy: null, verification: { reason: 'old video' } });
  });

  it('refuses to verify a camera incident or a report already decided', () => {
    expect(outcome(() => decide(incident('new'), { type: 'verify', request: { verdict: 'verified' } }, officer, now))).toBe('invalid_transition');
    expect(outcome(() => decide(incident('verified', 'social'), { type: 'verify', request: { verdict: 'verified' } }, officer, now))).toBe('invalid_transition');
  });

  it('refuses a verification while another verifier holds the report', () => {
    expect(outcome(() => decide(incident('verifying', 'social', other), { type: 'verify', request: { verdict: 'verified' } }, officer, now))).toBe('already_claimed');
  });
});

describe('legal actions', () => {
  it('records an arrest by the holder with the plate normalised, and marks the incident actioned', () => {
    const d = decide(incident('claimed', 'camera', officer), arrest, officer, now)!;
    expect(d.incident.status).toBe('actioned');
    expect(d.incident.actions).toEqual([
      { id: 'a1', type: 'arrest', plate: 'ق ص ب ١٢٣٤', caseNumber: null, notes: null, corrects: null, by: { userId: 'u1', username: 'amr' }, at: now },
    ]);
  });

  it('refuses legal action on an unverified social report with invalid_transition', () => {
    expect(outcome(() => decide(incident('verifying', 'social', officer), arrest, officer, now))).toBe('invalid_transition');
  });

  it('refuses an action by someone who does not hold the incident', () => {
    expect(outcome(() => decide(incident('claimed', 'camera', other), arrest, officer, now))).toBe('forbidden');
  });

  it('requires the fields the catalog names and a valid plate', () => {
    const held = incident('claimed', 'camera', officer);
    const details = (request: object) => {
      try {
        decide(held, { type: 'action', actionId: 'a', request: request as never }, officer, now);
        return [];
      } catch (e) {
        return ((e as AppError).details ?? []).map((d) => d.path);
      }
    };
    expect(details({ type: 'prosecution_referral' })).toEqual(['caseNumber']);
    expect(details({ type: 'no_action' })).toEqual(['notes']);
    expect(details({ type: 'arrest', plate: 'ABC' })).toEqual(['plate']);
    expect(details({ type: 'citation', plate: 'ق ١', corrects: 'missing' })).toEqual(['corrects']);
  });

  it('corrects an action only by a new entry that references it', () => {
    const first = decide(incident('claimed', 'camera', officer), arrest, officer, now)!.incident;
    const fix = decide(first, { type: 'action', actionId: 'a2', request: { type: 'arrest', plate: 'قصب1243', corrects: 'a1' } }, officer, now)!;
    expect(fix.incident.actions.map((a) => [a.id, a.corrects, a.plate])).toEqual([
      ['a1', null, 'ق ص ب ١٢٣٤'],
      ['a2', 'a1', 'ق ص ب ١٢٤٣'],
    ]);
  });

  it('closes an actioned incident and frees it', () => {
    const actioned = decide(incident('claimed', 'camera', officer), arrest, officer, now)!.incident;
    expect(decide(actioned, { type: 'close' }, officer, now)!.incident).toMatchObject({ status: 'closed', claimedBy: null });
    expect(outcome(() => decide(incident('claimed', 'camera', officer), { type: 'close' }, officer, now))).toBe('invalid_transition');
  });
});

describe('the whole state space', () => {
  const commands: IncidentCommand[] = [
    { type: 'claim' },
    { type: 'release' },
    { type: 'takeover' },
    { type: 'handover', to: other },
    { type: 'verify', request: { verdict: 'verified' } },
    arrest,
    { type: 'close' },
  ];
  const cases = incidentStatuses.flatMap((status) =>
    (['camera', 'social'] as const).flatMap((source) =>
      [null, officer, other].flatMap((holder) => commands.map((command) => ({ status, source, holder, command }))),
    ),
  );

  it(`answers each of ${cases.length} (status, source, holder, command) cases with a result or a contract error, never mutating`, () => {
    const codes = new Set(['ok', 'unchanged', 'invalid_transition', 'already_claimed', 'forbidden', 'invalid_input']);
    for (const c of cases) {
      const before = incident(c.status, c.source, c.holder);
      const frozen = JSON.stringify(before);
      const result = outcome(() => decide(before, c.command, officer, now));
      expect(codes.has(result), `${JSON.stringify(c)} → ${result}`).toBe(true);
      expect(JSON.stringify(before)).toBe(frozen);
    }
  });

  it('accepts nothing but a release on a closed, merged or rejected incident', () => {
    for (const c of cases.filter((c) => ['closed', 'merged', 'rejected'].includes(c.status) && c.command.type !== 'release')) {
      expect(outcome(() => decide(incident(c.status, c.source, c.holder), c.command, officer, now)), JSON.stringify(c)).not.toMatch(/^(ok|unchanged)$/);
    }
  });

  it('records legal actions only from claimed, verified, dispatched or actioned', () => {
    for (const status of incidentStatuses) {
      const result = outcome(() => decide(incident(status, 'camera', officer), arrest, officer, now));
      expect(result, status).toBe(['claimed', 'verified', 'dispatched', 'actioned'].includes(status) ? 'ok' : 'invalid_transition');
    }
  });
});

describe('escalation', () => {
  const system: Actor = { userId: 'system', username: 'system', role: 'commander' };

  it('raises an unclaimed high incident to critical and stamps it once', () => {
    const d = decide({ ...incident('new'), severity: 'high' }, { type: 'escalate' }, system, now)!;
    expect(d.incident).toMatchObject({ severity: 'critical', escalatedAt: now });
    expect(d.event).toEqual({ type: 'escalated', data: { from: 'high', to: 'critical' } });
    expect(decide(d.incident, { type: 'escalate' }, system, now)).toBeNull();
  });

  it('leaves claimed and finished incidents alone', () => {
    expect(decide(incident('claimed', 'camera', officer), { type: 'escalate' }, system, now)).toBeNull();
    expect(decide(incident('closed'), { type: 'escalate' }, system, now)).toBeNull();
  });
});
