import {
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  OPS_TENANT_RESOURCE_TYPE,
  opsLogsReadPermission,
  opsReadOnlyPermissions,
} from '@opsconsole/backstage-plugin-ops-common';
import request from 'supertest';

/** The ops admin of {@link examplePolicyPermissionsMock}: allowed everything. */
export const ADMIN = 'user:default/admin';
/** Any other user of {@link examplePolicyPermissionsMock}: allowed to read (non-PII) only. */
export const PLAIN = 'user:default/plain';

/**
 * A permissions service mock that mirrors the example policy: admins may do everything,
 * other users only read non-PII. Add its `factory` to the test backend's features.
 */
export const examplePolicyPermissionsMock = () =>
  mockServices.permissions.mock({
    // ops.logs.read as the example policy grants it: admins everything, others the
    // tenants they own (IS_TENANT_OWNER with the user ref as the only claim)
    authorizeConditional: async (requests, options) => {
      const user = (
        options.credentials as BackstageCredentials<BackstageUserPrincipal>
      ).principal.userEntityRef;
      return requests.map(r =>
        user !== ADMIN && r.permission.name === opsLogsReadPermission.name
          ? {
              result: AuthorizeResult.CONDITIONAL,
              pluginId: 'ops',
              resourceType: OPS_TENANT_RESOURCE_TYPE,
              conditions: {
                rule: 'IS_TENANT_OWNER',
                resourceType: OPS_TENANT_RESOURCE_TYPE,
                params: { claims: [user] },
              },
            }
          : {
              result:
                user === ADMIN ||
                opsReadOnlyPermissions.some(p => p.name === r.permission.name)
                  ? AuthorizeResult.ALLOW
                  : AuthorizeResult.DENY,
            },
      );
    },
    authorize: async (requests, options) => {
      const user = (
        options.credentials as BackstageCredentials<BackstageUserPrincipal>
      ).principal.userEntityRef;
      return requests.map(r => ({
        result:
          user === ADMIN ||
          ('permission' in r &&
            opsReadOnlyPermissions.some(p => p.name === r.permission.name))
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
      }));
    },
  });

/** A request as `user` (no credentials when undefined). */
export const as = (user?: string) => (req: request.Test) =>
  user ? req.set('authorization', mockCredentials.user.header(user)) : req;
