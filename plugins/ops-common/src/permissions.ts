import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Read infrastructure health: the fleet grid, an entity's status, checks and history.
 * @public
 */
export const opsHealthReadPermission = createPermission({
  name: 'ops.health.read',
  attributes: { action: 'read' },
});

/**
 * Trigger a probe of a health target now ("probe now"). Audited.
 * @public
 */
export const opsHealthProbePermission = createPermission({
  name: 'ops.health.probe',
  attributes: { action: 'update' },
});

/**
 * Read the audit trail of operator actions. The trail names people and what they did,
 * so it is sensitive and not granted to every reader by the example policy.
 * @public
 */
export const opsAuditReadPermission = createPermission({
  name: 'ops.audit.read',
  attributes: { action: 'read' },
});

/**
 * The resource type of tenant permissions: a Tenant catalog entity
 * (kind `Tenant`, apiVersion `opsconsole.io/v1alpha1`), addressed by its entity ref.
 * @public
 */
export const OPS_TENANT_RESOURCE_TYPE = 'ops-tenant';

/**
 * Read feature flags: the flags list, a flag's overrides and history, a tenant's flags.
 * @public
 */
export const opsFlagsReadPermission = createPermission({
  name: 'ops.flags.read',
  attributes: { action: 'read' },
});

/**
 * Create flags and change their global state: rollout, kill switch, variants, archive. Audited.
 * @public
 */
export const opsFlagsManagePermission = createPermission({
  name: 'ops.flags.manage',
  attributes: { action: 'update' },
});

/**
 * Set or remove a flag override for one tenant. A resource permission on the Tenant entity,
 * so policies can grant it conditionally (e.g. `IS_TENANT_OWNER`). Audited.
 * @public
 */
export const opsTenantFlagsOverridePermission = createPermission({
  name: 'ops.tenant.flags.override',
  attributes: { action: 'update' },
  resourceType: OPS_TENANT_RESOURCE_TYPE,
});

/**
 * Evaluate flags over OFREP (`/api/ops/ofrep/v1/...`): for machine callers holding an
 * external access token restricted to this permission.
 * @public
 */
export const opsFlagsEvaluatePermission = createPermission({
  name: 'ops.flags.evaluate',
  attributes: { action: 'read' },
});

/**
 * Search the platform's users and read a user's memberships, logins and login pattern.
 * Personal data (emails, IPs) comes back masked; unmasking needs `ops.users.pii.read`.
 * @public
 */
export const opsUsersReadPermission = createPermission({
  name: 'ops.users.read',
  attributes: { action: 'read' },
});

/**
 * See personal data (emails, IP addresses) unmasked, when asking for it with `reveal=true`.
 * Every reveal is audited (`user-pii-reveal`).
 * @public
 */
export const opsUsersPiiReadPermission = createPermission({
  name: 'ops.users.pii.read',
  attributes: { action: 'read' },
});

/**
 * Read a tenant's operational data from the platform: tenant details, deliverability,
 * timeline (the timeline also needs `ops.audit.read`).
 * @public
 */
export const opsTenantsReadPermission = createPermission({
  name: 'ops.tenants.read',
  attributes: { action: 'read' },
});

/**
 * Every permission of the ops plugin, for registration and for policies.
 * @public
 */
export const opsPermissions = [
  opsUsersReadPermission,
  opsUsersPiiReadPermission,
  opsTenantsReadPermission,
  opsHealthReadPermission,
  opsHealthProbePermission,
  opsAuditReadPermission,
  opsFlagsReadPermission,
  opsFlagsManagePermission,
  opsTenantFlagsOverridePermission,
  opsFlagsEvaluatePermission,
];

/**
 * Permissions the example policy grants to every signed-in user (non-sensitive reads).
 * @public
 */
export const opsReadOnlyPermissions = [
  opsUsersReadPermission,
  opsTenantsReadPermission,
  opsHealthReadPermission,
  opsFlagsReadPermission,
];
