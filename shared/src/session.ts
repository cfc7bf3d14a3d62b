import { z } from 'zod';
import { limits } from './limits';

export const roles = ['officer', 'dispatcher', 'commander', 'admin'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const loginRequestSchema = z.object({
  username: z.string().min(1).max(limits.usernameMax),
  password: z.string().min(1).max(limits.passwordMax),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const sessionUserSchema = z.object({ id: z.string(), username: z.string(), role: roleSchema });
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const sessionResponseSchema = z.object({ user: sessionUserSchema });
