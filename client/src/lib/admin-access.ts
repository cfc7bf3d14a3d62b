import type { Role } from '@rasd/shared';

export type AdminSection = 'users' | 'units' | 'webhooks';

/**
 * The parts of the admin page a role may use. Mirrors the server's permission matrix
 * (`users:manage`, `units:manage`: admin; `webhooks:manage`: commander, admin); the server still decides.
 */
export function adminSectionsOf(role: Role | undefined): AdminSection[] {
  if (role === 'admin') return ['users', 'units', 'webhooks'];
  if (role === 'commander') return ['webhooks'];
  return [];
}

export function isAdminPath(pathname: string): boolean {
  return pathname === '/admin' || pathname === '/admin/';
}
