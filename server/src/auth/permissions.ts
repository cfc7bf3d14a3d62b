import type { Role } from '@rasd/shared';

const everyone: readonly Role[] = ['officer', 'dispatcher', 'commander', 'admin'];
const operational: readonly Role[] = ['officer', 'dispatcher', 'commander'];

/** Who may do what: the one permission matrix every route and socket event checks. */
export const permissions = {
  'incidents:read': everyone,
  'incidents:claim': operational,
  'incidents:release': operational,
  'incidents:handover': operational,
  'incidents:takeover': ['commander'],
  'incidents:verify': ['officer', 'commander'],
  'incidents:action': operational,
  'incidents:close': operational,
  'users:directory': everyone,
  'users:manage': ['admin'],
  'audit:verify': ['commander', 'admin'],
  'shifts:summary': ['commander', 'admin'],
  'incidents:export': ['commander', 'admin'],
  'webhooks:manage': ['commander', 'admin'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof permissions;

export function allows(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role);
}
