import { humanizeRef } from '../../shared/entityRefs';
import {
  TENANT_STATUSES,
  TENANT_STATUS_LABELS,
  TENANT_TIERS,
  TENANT_TIER_LABELS,
} from '../tenantFormat';
import { FilterSelect } from '../../shared/FilterSelect';
import { SearchField } from '../../shared/SearchField';
import { ToolbarRow } from '../../shared/ToolbarRow';
import { TenantFilters } from './tenantFilters';

/** Search and the tier, status and owner filters of the tenants list. */
export function TenantsToolbar(props: {
  filters: TenantFilters;
  owners: string[];
  onChange: (filters: TenantFilters) => void;
}) {
  const { filters, owners, onChange } = props;
  return (
    <ToolbarRow>
      <SearchField
        id="ops-tenants-search"
        placeholder="Name, id, contact or region"
        value={filters.search}
        onChange={search => onChange({ ...filters, search })}
      />
      <FilterSelect
        id="ops-tenants-tier"
        label="Tier"
        value={filters.tier}
        options={TENANT_TIERS}
        labelOf={tier => TENANT_TIER_LABELS[tier]}
        allLabel="All tiers"
        onChange={tier => onChange({ ...filters, tier })}
      />
      <FilterSelect
        id="ops-tenants-status"
        label="Status"
        value={filters.status}
        options={TENANT_STATUSES}
        labelOf={status => TENANT_STATUS_LABELS[status]}
        allLabel="All statuses"
        onChange={status => onChange({ ...filters, status })}
      />
      <FilterSelect
        id="ops-tenants-owner"
        label="Owner"
        value={filters.owner}
        options={owners}
        labelOf={owner => humanizeRef(owner, 'group')}
        allLabel="All owners"
        onChange={owner => onChange({ ...filters, owner })}
      />
    </ToolbarRow>
  );
}
