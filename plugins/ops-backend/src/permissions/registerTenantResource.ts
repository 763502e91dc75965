import {
  AuthService,
  PermissionsRegistryService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  opsLogsReadPermission,
  opsTenantFlagsOverridePermission,
  opsTenantNotifyPermission,
  opsTenantQueuePausePermission,
  opsTenantQueueSamplesUnredactedPermission,
} from '@opsconsole/backstage-plugin-ops-common';
import { opsTenantRules } from './rules';
import {
  createTenantResourceLoader,
  opsTenantPermissionResourceRef,
} from './tenantResource';

/** The tenant resource permissions of the ops plugin. */
export const opsTenantPermissions = [
  opsTenantFlagsOverridePermission,
  opsTenantQueuePausePermission,
  opsTenantQueueSamplesUnredactedPermission,
  opsTenantNotifyPermission,
  opsLogsReadPermission,
];

/**
 * Registers the `ops-tenant` resource type (Tenant catalog entities) with its rules, so the
 * permission framework can resolve conditional decisions such as `IS_TENANT_OWNER`.
 */
export function registerTenantResource(deps: {
  permissionsRegistry: PermissionsRegistryService;
  catalog: CatalogService;
  auth: AuthService;
}) {
  deps.permissionsRegistry.addResourceType({
    resourceRef: opsTenantPermissionResourceRef,
    permissions: opsTenantPermissions,
    rules: Object.values(opsTenantRules),
    getResources: createTenantResourceLoader(deps),
  });
}
