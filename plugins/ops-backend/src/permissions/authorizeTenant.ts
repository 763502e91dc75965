import {
  BackstageCredentials,
  BackstageUserPrincipal,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  OPS_TENANT_RESOURCE_TYPE,
  tenantEntityRef,
} from '@opsconsole/backstage-plugin-ops-common';
import { Request } from 'express';

/**
 * Authenticates the caller as a user (401 otherwise) and checks a permission on a Tenant
 * entity (403 on DENY). Conditional decisions (e.g. `IS_TENANT_OWNER`) are resolved by the
 * permission framework against the Tenant entity, which this plugin registers as the
 * `ops-tenant` resource type.
 */
export async function requireTenantPermission(
  deps: { httpAuth: HttpAuthService; permissions: PermissionsService },
  request: Request<any, any, any, any, any>,
  permission: ResourcePermission<typeof OPS_TENANT_RESOURCE_TYPE>,
  tenantId: string,
): Promise<BackstageCredentials<BackstageUserPrincipal>> {
  const credentials = await deps.httpAuth.credentials(request, {
    allow: ['user'],
  });
  const resourceRef = tenantEntityRef(tenantId);
  const [decision] = await deps.permissions.authorize(
    [{ permission, resourceRef }],
    { credentials },
  );
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      `You are not allowed to ${permission.name} on ${resourceRef}`,
    );
  }
  return credentials;
}
