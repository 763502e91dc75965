import { Entity } from '@backstage/catalog-model';
import { createPermissionResourceRef } from '@backstage/plugin-permission-node';
import { OPS_TENANT_RESOURCE_TYPE } from '@opsconsole/backstage-plugin-ops-common';

/** Query shape of tenant rules (catalog entity filters), for `toQuery`. */
export type TenantQuery = { key: string; values: string[] };

/**
 * The `ops-tenant` permission resource: a Tenant catalog entity addressed by its entity ref
 * (`tenant:default/<tenantId>`).
 * @public
 */
export const opsTenantPermissionResourceRef = createPermissionResourceRef<
  Entity,
  TenantQuery
>().with({ pluginId: 'ops', resourceType: OPS_TENANT_RESOURCE_TYPE });
