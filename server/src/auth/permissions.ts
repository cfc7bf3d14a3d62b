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
  /** The wall display's shift figures: read-only, so the wall's own account needs no commander rights. */
  'wall:stats': everyone,
  /** Writing the shift handover (notes, submit, acknowledge) is the commanders' act; admins only read it. */
  'shifts:handover': ['commander'],
  /** The public statement speaks for the shift: its commander drafts, approves and exports it. */
  'press:manage': ['commander'],
  'history:search': ['commander', 'admin'],
  /** The second factor is offered to the roles that can change the most. */
  'session:totp': ['commander', 'admin'],
  'units:read': everyone,
  /** Dispatchers set a unit's status by hand when its device cannot (radio call, flat battery). */
  'units:status': ['dispatcher', 'commander'],
  'units:manage': ['admin'],
  'incidents:dispatch': ['dispatcher', 'commander'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof permissions;

export function allows(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role);
}
