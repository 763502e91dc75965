import {
  coreServices,
  createBackendModule,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  createOpsTenantConditionalDecision,
  opsTenantConditions,
} from '@opsconsole/backstage-plugin-ops-backend';
import {
  opsFlagsEvaluatePermission,
  opsLogsIngestPermission,
  opsLogsReadPermission,
  opsPermissions,
  opsReadOnlyPermissions,
  opsTenantFlagsOverridePermission,
  opsTenantNotifyPermission,
  opsTenantQueuePausePermission,
} from '@opsconsole/backstage-plugin-ops-common';

/** Tenant actions the owners of a tenant may take on it (IS_TENANT_OWNER). */
const ownerActions = [
  opsTenantFlagsOverridePermission,
  opsTenantQueuePausePermission,
  opsTenantNotifyPermission,
  // reading logs: only the records of the caller's tenants
  opsLogsReadPermission,
];

/** Members of this group may do everything in the ops plugin. */
export const OPS_ADMINS_GROUP = 'group:default/ops-admins';

/**
 * Example policy (not allow-all): ops admins may do everything in `ops`; owners of a
 * tenant may override its feature flags, pause/resume its queued work and send its admin a
 * notice (not see its jobs unredacted: ops admins only); every other signed-in user may read
 * non-sensitive ops data; services may evaluate flags. Other plugins keep the permissive
 * behaviour of a fresh Backstage app. Adopters replace this with their own policy.
 */
export class OpsExamplePermissionPolicy implements PermissionPolicy {
  constructor(private readonly userInfo: UserInfoService) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const isOps = opsPermissions.some(p => isPermission(request.permission, p));
    if (!isOps) return { result: AuthorizeResult.ALLOW };
    const principal = user?.credentials.principal as
      | { type?: string }
      | undefined;
    if (!user || principal?.type !== 'user') {
      // machines (external access tokens) may evaluate flags over OFREP; note that the
      // permissions service decides service principals from their token's access
      // restrictions before a policy is asked
      const machineEvaluates =
        principal?.type === 'service' &&
        (isPermission(request.permission, opsFlagsEvaluatePermission) ||
          isPermission(request.permission, opsLogsIngestPermission));
      return {
        result: machineEvaluates ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
      };
    }
    const { ownershipEntityRefs } = await this.userInfo.getUserInfo(
      user.credentials,
    );
    if (ownershipEntityRefs.includes(OPS_ADMINS_GROUP)) {
      return { result: AuthorizeResult.ALLOW };
    }
    // tenant owners may override flags of, pause/resume and notify their tenants
    // (IS_TENANT_OWNER on the Tenant entity); unredacted job samples stay with ops admins
    const ownerAction = ownerActions.find(p =>
      isPermission(request.permission, p),
    );
    if (ownerAction) {
      return createOpsTenantConditionalDecision(
        ownerAction,
        opsTenantConditions.isTenantOwner({ claims: ownershipEntityRefs }),
      );
    }
    const readOnly = opsReadOnlyPermissions.some(p =>
      isPermission(request.permission, p),
    );
    return { result: readOnly ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
  }
}

export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'ops-example-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint, userInfo: coreServices.userInfo },
      async init({ policy, userInfo }) {
        policy.setPolicy(new OpsExamplePermissionPolicy(userInfo));
      },
    });
  },
});
