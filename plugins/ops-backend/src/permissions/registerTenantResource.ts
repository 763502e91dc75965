import { PermissionsRegistryService } from '@backstage/backend-plugin-api';
import {
  opsLogsReadPermission,
  opsTenantFlagsOverridePermission,
  opsTenantNotifyPermission,
  opsTenantQueuePausePermission,
  opsTenantQueueSamplesUnredactedPermission,
} from '@opsconsole/backstage-plugin-ops-common';
import { opsTenantRules } from './rules';
import { TenantDirectory } from '../tenants/TenantDirectory';
import { opsTenantPermissionResourceRef } from './tenantResource';

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
  tenantDirectory: Pick<TenantDirectory, 'getEntitiesByRefs'>;
}) {
  deps.permissionsRegistry.addResourceType({
    resourceRef: opsTenantPermissionResourceRef,
    permissions: opsTenantPermissions,
    rules: Object.values(opsTenantRules),
    // refs that are missing or not Tenants resolve to undefined, which denies
    getResources: refs => deps.tenantDirectory.getEntitiesByRefs(refs),
  });
}
