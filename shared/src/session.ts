import { z } from 'zod';
import { limits } from './limits';

export const roles = ['officer', 'dispatcher', 'commander', 'admin'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const loginRequestSchema = z.object({
  username: z.string().min(1).max(limits.usernameMax),
  password: z.string().min(1).max(limits.passwordMax),
  /** The authenticator code, for accounts with a second factor. */
  totp: z.string().regex(/^\d{6}$/, 'six digits').optional(),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const sessionUserSchema = z.object({ id: z.string(), username: z.string(), role: roleSchema });
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const sessionResponseSchema = z.object({ user: sessionUserSchema });

/** Minimum password policy, shared by the admin form and the server. */
export const passwordSchema = z.string().min(10, 'at least 10 characters').max(limits.passwordMax);

export const userCreateSchema = z.object({
  username: z.string().regex(/^[\p{L}\p{N}._-]{2,64}$/u, 'letters, digits, . _ - (2–64)'),
  role: roleSchema,
  password: passwordSchema,
});
export const userUpdateSchema = z
  .object({ role: roleSchema.optional(), disabled: z.boolean().optional(), password: passwordSchema.optional() })
  .refine((u) => Object.values(u).some((v) => v !== undefined), 'nothing to change');
export const userSchema = z.object({ id: z.string(), username: z.string(), role: roleSchema, disabled: z.boolean() });
export type User = z.infer<typeof userSchema>;

export const totpConfirmSchema = z.object({ code: z.string().regex(/^\d{6}$/, 'six digits') });
