import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
} from '@backstage/catalog-model';
import {
  OPS_TENANT_ID_ANNOTATION,
  TENANT_API_VERSION,
  TENANT_KIND,
  TenantEntityV1alpha1,
} from '@opsconsole/backstage-plugin-ops-common';
import { PlatformTenant } from '@opsconsole/backstage-plugin-ops-node';

/**
 * The Tenant entity of one platform tenant: named by the tenant id, titled by its name,
 * located at `ops-platform:<platformId>`.
 */
export function tenantToEntity(
  tenant: PlatformTenant,
  options: { platformId: string; owner: string; system: string },
): TenantEntityV1alpha1 {
  const location = `ops-platform:${options.platformId}`;
  return {
    apiVersion: TENANT_API_VERSION,
    kind: TENANT_KIND,
    metadata: {
      name: tenant.id,
      title: tenant.name,
      annotations: {
        [ANNOTATION_LOCATION]: location,
        [ANNOTATION_ORIGIN_LOCATION]: location,
        [OPS_TENANT_ID_ANNOTATION]: tenant.id,
      },
    },
    spec: {
      owner: options.owner,
      tier: tenant.tier,
      region: tenant.region,
      status: tenant.status,
      adminContact: {
        email: tenant.adminEmail,
        ...(tenant.adminName ? { name: tenant.adminName } : {}),
      },
      system: options.system,
      platformId: tenant.id,
    },
  };
}
