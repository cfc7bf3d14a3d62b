import { randomUUID } from 'node:crypto';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { LoginRequest, Role, SessionUser } from '@rasd/shared';
import type { Database } from '../db/database';
import { AppError } from '../errors';
import type { AuditService } from '../services/audit.service';
import { hashPassword, verifyPassword } from './passwords';
import type { SessionService } from './session.service';
import { totp } from './totp';

export interface LoginPolicy {
  /** Consecutive failures that lock an account. */
  maxFailures: number;
  lockoutMinutes: number;
  /** Failed logins one address may make per lockout window, across all usernames. */
  perAddress: number;
}

interface UserRow {
  id: string;
  username: string;
  role: Role;
  password_hash: string;
  disabled: boolean;
  locked_until: Date | string | null;
  totp_enabled: boolean;
  totp_secret: string | null;
}

// Compared against when the user is unknown, so a wrong username costs as long as a wrong password.
const decoyHash = hashPassword(randomUUID());

const tooMany = (message: string, retryAfterS: number) => new AppError('too_many_requests', message, undefined, retryAfterS);

/**
 * Checks credentials and opens sessions. Brute force is slowed per address (in memory) and per
 * account (in the database, so every instance sees the lock); unknown usernames are throttled
 * like known ones, so the answers do not reveal which accounts exist.
 */
export function createLoginService(db: Database, sessions: SessionService, audit: AuditService, policy: LoginPolicy) {
  const windowS = policy.lockoutMinutes * 60;
  const byAddress = new RateLimiterMemory({ points: policy.perAddress, duration: windowS });
  const unknownNames = new RateLimiterMemory({ points: policy.maxFailures, duration: windowS });

  async function refuseIfThrottled(address: string, username: string, row: UserRow | undefined) {
    const fromAddress = await byAddress.get(address);
    if (fromAddress && fromAddress.consumedPoints >= policy.perAddress) {
      await audit.record({ actor: username, action: 'session.login_throttled', incidentId: null, data: { address } });
      throw tooMany('too many failed logins from this address; try again later', fromAddress.msBeforeNext / 1000);
    }
    const lockedFor = row?.locked_until ? new Date(row.locked_until).getTime() - Date.now() : 0;
    const unknown = row ? null : await unknownNames.get(username);
    const unknownFor = unknown && unknown.consumedPoints >= policy.maxFailures ? unknown.msBeforeNext : 0;
    if (lockedFor > 0 || unknownFor > 0) {
      await audit.record({ actor: username, action: 'session.login_locked', incidentId: null, data: { address } });
      throw tooMany('this account is temporarily locked after repeated failures', Math.max(lockedFor, unknownFor) / 1000);
    }
  }

  async function fail(address: string, username: string, row: UserRow | undefined, reason: string, details?: { path: string; message: string }[]): Promise<never> {
    await byAddress.penalty(address, 1);
    let lockedNow = false;
    if (row) {
      const [updated] = await db.query<{ failed_logins: number }>(
        `UPDATE users SET failed_logins = failed_logins + 1,
           locked_until = CASE WHEN failed_logins + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END
         WHERE id = $1 RETURNING failed_logins`,
        [row.id, policy.maxFailures, policy.lockoutMinutes],
      );
      lockedNow = (updated?.failed_logins ?? 0) >= policy.maxFailures;
      if (lockedNow) await db.query('UPDATE users SET failed_logins = 0 WHERE id = $1', [row.id]);
    } else {
      await unknownNames.penalty(username, 1);
    }
    await audit.record({ actor: username, action: 'session.login_failed', incidentId: null, data: { known: Boolean(row), reason, address, lockedNow } });
    throw new AppError('unauthorized', reason === 'totp_missing' ? 'the second factor (authenticator code) is required' : 'wrong username or password', details);
  }

  return {
    async login(request: LoginRequest, address: string): Promise<{ sessionId: string; user: SessionUser }> {
      const { username, password } = request;
      const [row] = await db.query<UserRow>(
        'SELECT id, username, role, password_hash, disabled, locked_until, totp_enabled, totp_secret FROM users WHERE username = $1',
        [username],
      );
      await refuseIfThrottled(address, username, row);
      const ok = await verifyPassword(password, row?.password_hash ?? (await decoyHash));
      if (!row || !ok || row.disabled) return fail(address, username, row, row?.disabled ? 'disabled' : 'password');
      if (row.totp_enabled) {
        if (!request.totp) {
          await audit.record({ actor: username, action: 'session.totp_required', incidentId: null, data: { address } });
          throw new AppError('unauthorized', 'the second factor (authenticator code) is required', [{ path: 'totp', message: 'required' }]);
        }
        if (!(await totp.check(row.totp_secret ?? '', request.totp))) return fail(address, username, row, 'totp', [{ path: 'totp', message: 'wrong code' }]);
      }
      await db.query('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1', [row.id]);
      await audit.record({ actor: row.username, action: 'session.login', incidentId: null, data: { address, secondFactor: row.totp_enabled } });
      return { sessionId: await sessions.create(row.id), user: { id: row.id, username: row.username, role: row.role } };
    },

    /** Starts TOTP enrolment: a new secret, not yet required until a code confirms it. */
    async beginTotp(user: SessionUser): Promise<{ secret: string; uri: string }> {
      const secret = totp.newSecret();
      await db.query('UPDATE users SET totp_secret = $2, totp_enabled = false WHERE id = $1', [user.id, secret]);
      await audit.record({ actor: user.username, action: 'session.totp_enrolment_started', incidentId: null, data: {} });
      return { secret, uri: totp.uri(secret, user.username) };
    },

    async confirmTotp(user: SessionUser, code: string): Promise<void> {
      const [row] = await db.query<{ totp_secret: string | null }>('SELECT totp_secret FROM users WHERE id = $1', [user.id]);
      if (!row?.totp_secret || !(await totp.check(row.totp_secret, code))) {
        throw new AppError('invalid_input', 'that code does not match; check the authenticator app and the clock', [{ path: 'code', message: 'wrong code' }]);
      }
      await db.query('UPDATE users SET totp_enabled = true WHERE id = $1', [user.id]);
      await audit.record({ actor: user.username, action: 'session.totp_enabled', incidentId: null, data: {} });
    },
  };
}
export type LoginService = ReturnType<typeof createLoginService>;
