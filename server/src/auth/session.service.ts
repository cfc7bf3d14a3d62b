import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Role, SessionUser } from '@rasd/shared';
import type { Database } from '../db/database';
import type { BootstrapUser } from '../config';
import { hashPassword } from './passwords';

export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}

export const hashId = (id: string) => createHash('sha256').update(id).digest('base64url');

/** Users and browser sessions. Only a hash of the session id is stored, so a database leak opens no session. */
export function createSessionService(db: Database, policy: SessionPolicy) {
  return {
    async bootstrapUsers(users: readonly BootstrapUser[]): Promise<void> {
      for (const u of users) {
        const hash = await hashPassword(u.password);
        await db.query(
          `INSERT INTO users (id, username, role, password_hash) VALUES ($1, $2, $3, $4)
           ON CONFLICT (username) DO UPDATE SET role = EXCLUDED.role, password_hash = EXCLUDED.password_hash, disabled = false`,
          [randomUUID(), u.username, u.role, hash],
        );
      }
    },

    /** Opens a session for a user whose credentials were checked; returns the id for the cookie. */
    async create(userId: string): Promise<string> {
      const sessionId = randomBytes(32).toString('base64url');
      const now = new Date().toISOString();
      await db.query('INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at) VALUES ($1, $2, $3, $3)', [hashId(sessionId), userId, now]);
      return sessionId;
    },

    /** The user of a live session, or null when it is unknown, idle too long or too old. */
    async authenticate(sessionId: string | undefined): Promise<SessionUser | null> {
      if (!sessionId) return null;
      const [row] = await db.query<{ id: string; username: string; role: Role; created_at: Date | string; last_seen_at: Date | string }>(
        `SELECT u.id, u.username, u.role, s.created_at, s.last_seen_at FROM sessions s
         JOIN users u ON u.id = s.user_id WHERE s.id_hash = $1 AND NOT u.disabled`,
        [hashId(sessionId)],
      );
      if (!row) return null;
      const now = Date.now();
      const idleMs = now - new Date(row.last_seen_at).getTime();
      const ageMs = now - new Date(row.created_at).getTime();
      if (idleMs > policy.idleMinutes * 60_000 || ageMs > policy.maxHours * 3_600_000) {
        await db.query('DELETE FROM sessions WHERE id_hash = $1', [hashId(sessionId)]);
        return null;
      }
      // Touch at most once a minute: a busy dashboard must not write on every request.
      if (idleMs > 60_000) {
        await db.query('UPDATE sessions SET last_seen_at = $2 WHERE id_hash = $1', [hashId(sessionId), new Date(now).toISOString()]);
      }
      return { id: row.id, username: row.username, role: row.role };
    },

    async logout(sessionId: string | undefined): Promise<void> {
      if (sessionId) await db.query('DELETE FROM sessions WHERE id_hash = $1', [hashId(sessionId)]);
    },
  };
}
export type SessionService = ReturnType<typeof createSessionService>;
