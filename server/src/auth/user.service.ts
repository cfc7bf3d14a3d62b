import { randomUUID } from 'node:crypto';
import type { Role } from '@rasd/shared';
import { isUniqueViolation, type Database } from '../db/database';
import type { Actor } from '../domain/lifecycle';
import { AppError } from '../errors';
import type { AuditService } from '../services/audit.service';
import { hashPassword } from './passwords';

export interface UserRecord {
  id: string;
  username: string;
  role: Role;
  disabled: boolean;
}

const columns = 'id, username, role, disabled';

/** Accounts: the admin page's create, reset and disable; never returns or logs a password. */
export function createUserService(db: Database, audit: AuditService, onDisabled: (userId: string) => void) {
  return {
    async list(): Promise<UserRecord[]> {
      return db.query<UserRecord>(`SELECT ${columns} FROM users ORDER BY username`);
    },

    async findActive(username: string): Promise<Actor | null> {
      const [row] = await db.query<UserRecord>(`SELECT ${columns} FROM users WHERE username = $1 AND NOT disabled`, [username]);
      return row ? { userId: row.id, username: row.username, role: row.role } : null;
    },

    async create(by: string, input: { username: string; role: Role; password: string }): Promise<UserRecord> {
      const hash = await hashPassword(input.password);
      try {
        return await db.transaction(async (tx) => {
          const [row] = await tx.query<UserRecord>(
            `INSERT INTO users (id, username, role, password_hash) VALUES ($1, $2, $3, $4) RETURNING ${columns}`,
            [randomUUID(), input.username, input.role, hash],
          );
          await audit.append(tx, { actor: by, action: 'user.created', incidentId: null, data: { username: input.username, role: input.role } });
          return row!;
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('invalid_input', 'that username is taken', [{ path: 'username', message: 'taken' }]);
        throw error;
      }
    },

    async update(by: string, id: string, change: { role?: Role; disabled?: boolean; password?: string }): Promise<UserRecord> {
      const hash = change.password ? await hashPassword(change.password) : null;
      const row = await db.transaction(async (tx) => {
        const [updated] = await tx.query<UserRecord>(
          `UPDATE users SET role = coalesce($2, role), disabled = coalesce($3, disabled), password_hash = coalesce($4, password_hash)
           WHERE id = $1 RETURNING ${columns}`,
          [id, change.role ?? null, change.disabled ?? null, hash],
        );
        if (!updated) throw new AppError('not_found', 'no such user');
        // A disabled account or a reset password ends every session of that user.
        if (change.disabled || hash) await tx.query('DELETE FROM sessions WHERE user_id = $1', [id]);
        const data = { username: updated.username, role: change.role ?? null, disabled: change.disabled ?? null, passwordReset: hash !== null };
        await audit.append(tx, { actor: by, action: 'user.updated', incidentId: null, data });
        return updated;
      });
      if (change.disabled || hash) onDisabled(id);
      return row;
    },
  };
}
export type UserService = ReturnType<typeof createUserService>;
