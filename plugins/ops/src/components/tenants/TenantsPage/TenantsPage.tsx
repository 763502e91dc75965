import { useState } from 'react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Skeleton from '@material-ui/lab/Skeleton';
import {
  EmptyState,
  InfoCard,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { TenantEntityV1alpha1 } from '@opsconsole/backstage-plugin-ops-common';
import { useTenantEntities } from '../../shared/useTenantEntities';
import { TENANT_TIER_LABELS } from '../tenantFormat';
import { FilteredCount } from '../../shared/FilteredCount';
import { NoFilterMatches } from '../../shared/NoFilterMatches';
import { TenantStatusChip } from '../TenantOverview';
import {
  EMPTY_TENANT_FILTERS,
  filterTenants,
  hasActiveTenantFilters,
  tenantOwners,
  titleOf,
} from './tenantFilters';
import { TenantsToolbar } from './TenantsToolbar';

function TenantsTable(props: { tenants: TenantEntityV1alpha1[] }) {
  return (
    <Table size="small" aria-label="Tenants">
      <TableHead>
        <TableRow>
          <TableCell>Tenant</TableCell>
          <TableCell>Tier</TableCell>
          <TableCell>Status</TableCell>
          <TableCell>Owner</TableCell>
          <TableCell>Region</TableCell>
          <TableCell>Admin contact</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.tenants.map(tenant => (
          <TableRow key={stringifyEntityRef(tenant)}>
            <TableCell>
              <EntityRefLink entityRef={tenant}>
                {titleOf(tenant)}
              </EntityRefLink>
            </TableCell>
            <TableCell>
              {TENANT_TIER_LABELS[tenant.spec.tier] ?? tenant.spec.tier}
            </TableCell>
            <TableCell>
              <TenantStatusChip status={tenant.spec.status} />
            </TableCell>
            <TableCell>
              <EntityRefLink
                entityRef={tenant.spec.owner}
                defaultKind="group"
              />
            </TableCell>
            <TableCell>{tenant.spec.region}</TableCell>
            <TableCell>
              {tenant.spec.adminContact?.name ??
                tenant.spec.adminContact?.email ??
                '–'}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * The Tenants tab (`/ops/tenants`): every Tenant entity of the catalog with
 * search and tier / status / owner filters, linking to each tenant's page.
 */
export function TenantsPage() {
  const tenants = useTenantEntities();
  const [filters, setFilters] = useState(EMPTY_TENANT_FILTERS);

  if (!tenants.value) {
    if (tenants.error) {
      return <ResponseErrorPanel error={tenants.error} />;
    }
    return (
      <div data-testid="tenants-skeleton" aria-busy="true">
        <Skeleton variant="rect" height={48} style={{ marginBottom: 16 }} />
        <Skeleton variant="rect" height={240} />
      </div>
    );
  }

  const all = tenants.value;
  if (all.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No tenants in the catalog"
        description="Tenants are catalog entities of kind Tenant (apiVersion opsconsole.io/v1alpha1). The catalog module @opsconsole/backstage-plugin-catalog-backend-module-ops ingests them from the platform on a schedule."
      />
    );
  }
  const visible = filterTenants(all, filters);

  return (
    <InfoCard title="Tenants">
      <TenantsToolbar
        filters={filters}
        owners={tenantOwners(all)}
        onChange={setFilters}
      />
      {visible.length === 0 ? (
        <NoFilterMatches
          items="tenants"
          onClear={() => setFilters(EMPTY_TENANT_FILTERS)}
          py={4}
        />
      ) : (
        <TenantsTable tenants={visible} />
      )}
      {hasActiveTenantFilters(filters) && visible.length > 0 && (
        <FilteredCount
          shown={visible.length}
          total={all.length}
          items="tenants"
          onClear={() => setFilters(EMPTY_TENANT_FILTERS)}
        />
      )}
    </InfoCard>
  );
}
