import { createBackendModule } from '@backstage/backend-plugin-api';
import { BackstageIdentityResponse } from '@backstage/plugin-auth-node';
import { AuthorizeResult, isPermission, PolicyDecision } from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  opsPermissions,
  opsReadOnlyPermissions,
} from '@opsconsole/backstage-plugin-ops-common';

/** Members of this group may do everything in the ops plugin. */
export const OPS_ADMINS_GROUP = 'group:default/ops-admins';

/**
 * Example policy (not allow-all): ops admins may do everything in `ops`; every other
 * signed-in user may read non-sensitive ops data. Other plugins keep the permissive
 * behaviour of a fresh Backstage app. Adopters replace this with their own policy.
 */
export class OpsExamplePermissionPolicy implements PermissionPolicy {
  async handle(
    request: PolicyQuery,
    user?: BackstageIdentityResponse,
  ): Promise<PolicyDecision> {
    const isOps = opsPermissions.some(p => isPermission(request.permission, p));
    if (!isOps) return { result: AuthorizeResult.ALLOW };
    const isAdmin = user?.identity.ownershipEntityRefs.includes(OPS_ADMINS_GROUP) ?? false;
    if (isAdmin) return { result: AuthorizeResult.ALLOW };
    const readOnly = opsReadOnlyPermissions.some(p => isPermission(request.permission, p));
    return { result: readOnly && user ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
  }
}

export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'ops-example-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy(new OpsExamplePermissionPolicy());
      },
    });
  },
});
