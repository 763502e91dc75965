import { AuthService } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createPermissionResourceRef } from '@backstage/plugin-permission-node';
import {
  OPS_TENANT_RESOURCE_TYPE,
  TENANT_KIND,
} from '@opsconsole/backstage-plugin-ops-common';

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

/** The tenant's owner as a full entity ref (`spec.owner` may be shorthand). */
export function tenantOwnerRef(entity: Entity): string | undefined {
  const owner = entity.spec?.owner;
  if (typeof owner !== 'string' || owner.length === 0) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    );
  } catch {
    return undefined;
  }
}

/**
 * Loads Tenant entities by ref for the permission framework (conditional decisions);
 * refs that are missing or not Tenants resolve to undefined, which denies.
 */
export function createTenantResourceLoader(deps: {
  catalog: CatalogService;
  auth: AuthService;
}) {
  return async (refs: string[]): Promise<Array<Entity | undefined>> => {
    const { items } = await deps.catalog.getEntitiesByRefs(
      { entityRefs: refs },
      { credentials: await deps.auth.getOwnServiceCredentials() },
    );
    return items.map(e =>
      e &&
      e.kind.toLocaleLowerCase('en-US') ===
        TENANT_KIND.toLocaleLowerCase('en-US')
        ? e
        : undefined,
    );
  };
}
