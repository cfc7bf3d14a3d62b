import { describe, expect, it } from 'vitest';
import { adminSectionsOf, isAdminPath } from './admin-access';

describe('adminSectionsOf', () => {
  it('gives accounts and units to admins only and webhooks to commanders and admins, as the server’s matrix does', () => {
    expect(adminSectionsOf('admin')).toEqual(['users', 'units', 'webhooks']);
    expect(adminSectionsOf('commander')).toEqual(['webhooks']);
    expect(adminSectionsOf('officer')).toEqual([]);
    expect(adminSectionsOf('dispatcher')).toEqual([]);
    expect(adminSectionsOf(undefined)).toEqual([]);
  });

  it('matches /admin with or without the trailing slash only', () => {
    expect([isAdminPath('/admin'), isAdminPath('/admin/'), isAdminPath('/administer'), isAdminPath('/')]).toEqual([true, true, false, false]);
  });
});
