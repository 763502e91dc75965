import { tenantEntities } from '../../../__testUtils__/tenantFixtures';
import {
  EMPTY_TENANT_FILTERS,
  filterTenants,
  hasActiveTenantFilters,
  tenantOwners,
} from './tenantFilters';

const names = (filters: Partial<typeof EMPTY_TENANT_FILTERS>) =>
  filterTenants(tenantEntities, { ...EMPTY_TENANT_FILTERS, ...filters }).map(
    tenant => tenant.metadata.name,
  );

describe('tenant filters', () => {
  it('keeps every tenant, sorted by title, without filters', () => {
    expect(names({})).toEqual(['acme', 'globex', 'initech', 'umbrella']);
    expect(hasActiveTenantFilters(EMPTY_TENANT_FILTERS)).toBe(false);
    expect(
      hasActiveTenantFilters({ ...EMPTY_TENANT_FILTERS, search: '  ' }),
    ).toBe(false);
  });

  it('filters by tier, status and owner together', () => {
    expect(names({ tier: 'enterprise' })).toEqual(['acme', 'umbrella']);
    expect(names({ status: 'suspended' })).toEqual(['initech']);
    expect(names({ owner: 'group:default/account-emea' })).toEqual([
      'acme',
      'umbrella',
    ]);
    expect(
      names({ tier: 'enterprise', owner: 'group:default/ops-admins' }),
    ).toEqual([]);
  });

  it('searches name, title, contact and region case-insensitively', () => {
    expect(names({ search: 'ACME CORP' })).toEqual(['acme']);
    expect(names({ search: 'coyote' })).toEqual(['acme']);
    expect(names({ search: 'us-east' })).toEqual(['initech']);
    expect(names({ search: 'admin@globex' })).toEqual(['globex']);
  });

  it('lists the distinct owners', () => {
    expect(tenantOwners(tenantEntities)).toEqual([
      'group:default/account-emea',
      'group:default/ops-admins',
    ]);
  });
});
