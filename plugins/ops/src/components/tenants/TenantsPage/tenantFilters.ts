import {
  TenantEntityV1alpha1,
  TenantStatus,
  TenantTier,
  getTenantPlatformId,
} from '@opsconsole/backstage-plugin-ops-common';

/** Filters of the tenants list; empty values mean "all". */
export interface TenantFilters {
  search: string;
  tier: TenantTier | '';
  status: TenantStatus | '';
  owner: string;
}

export const EMPTY_TENANT_FILTERS: TenantFilters = {
  search: '',
  tier: '',
  status: '',
  owner: '',
};

export function hasActiveTenantFilters(filters: TenantFilters): boolean {
  return Boolean(
    filters.search.trim() || filters.tier || filters.status || filters.owner,
  );
}

/** Tenants matching the filters, sorted by title. */
export function filterTenants(
  tenants: TenantEntityV1alpha1[],
  filters: TenantFilters,
): TenantEntityV1alpha1[] {
  const search = filters.search.trim().toLocaleLowerCase('en-US');
  return tenants
    .filter(tenant => {
      if (filters.tier && tenant.spec.tier !== filters.tier) {
        return false;
      }
      if (filters.status && tenant.spec.status !== filters.status) {
        return false;
      }
      if (filters.owner && tenant.spec.owner !== filters.owner) {
        return false;
      }
      if (search) {
        const haystack = [
          tenant.metadata.name,
          tenant.metadata.title,
          getTenantPlatformId(tenant),
          tenant.spec.adminContact?.name,
          tenant.spec.adminContact?.email,
          tenant.spec.region,
        ]
          .filter(Boolean)
          .join('\n')
          .toLocaleLowerCase('en-US');
        if (!haystack.includes(search)) {
          return false;
        }
      }
      return true;
    })
    .sort((a, b) => titleOf(a).localeCompare(titleOf(b), 'en-US'));
}

export function titleOf(tenant: TenantEntityV1alpha1): string {
  return tenant.metadata.title ?? tenant.metadata.name;
}

/** Distinct owners of the tenants, sorted, for the owner filter. */
export function tenantOwners(tenants: TenantEntityV1alpha1[]): string[] {
  return [
    ...new Set(tenants.map(tenant => tenant.spec.owner).filter(Boolean)),
  ].sort((a, b) => a.localeCompare(b, 'en-US'));
}
