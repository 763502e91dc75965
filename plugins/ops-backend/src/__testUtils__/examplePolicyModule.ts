import {
  BackstageUserPrincipal,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  opsFlagsEvaluatePermission,
  opsPermissions,
  opsReadOnlyPermissions,
  opsTenantFlagsOverridePermission,
  opsTenantNotifyPermission,
  opsTenantQueuePausePermission,
} from '@opsconsole/backstage-plugin-ops-common';
import {
  createOpsTenantConditionalDecision,
  opsTenantConditions,
} from '../permissions';

export const OPS_ADMINS = 'group:default/ops-admins';

/**
 * What the dev backend's example policy (packages/backend/src/modules/permissionPolicy.ts)
 * decides, for tests that run the real permission backend: ops admins may do everything,
 * tenant owners may override flags of, pause/resume and notify their tenants (a conditional
 * decision resolved against the Tenant entity), everybody else reads.
 */
export const examplePolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'ops-test-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy({
          async handle(
            request: PolicyQuery,
            user?: PolicyQueryUser,
          ): Promise<PolicyDecision> {
            if (
              !opsPermissions.some(p => isPermission(request.permission, p))
            ) {
              return { result: AuthorizeResult.ALLOW };
            }
            const principal = user?.credentials.principal as
              | BackstageUserPrincipal
              | { type: string };
            if (!user || principal.type !== 'user') {
              return {
                result: isPermission(
                  request.permission,
                  opsFlagsEvaluatePermission,
                )
                  ? AuthorizeResult.ALLOW
                  : AuthorizeResult.DENY,
              };
            }
            const claims = user.info.ownershipEntityRefs;
            if (claims.includes(OPS_ADMINS)) {
              return { result: AuthorizeResult.ALLOW };
            }
            if (
              isPermission(
                request.permission,
                opsTenantFlagsOverridePermission,
              ) ||
              isPermission(request.permission, opsTenantQueuePausePermission) ||
              isPermission(request.permission, opsTenantNotifyPermission)
            ) {
              return createOpsTenantConditionalDecision(
                request.permission,
                opsTenantConditions.isTenantOwner({ claims }),
              );
            }
            return {
              result: opsReadOnlyPermissions.some(p =>
                isPermission(request.permission, p),
              )
                ? AuthorizeResult.ALLOW
                : AuthorizeResult.DENY,
            };
          },
        });
      },
    });
  },
});
