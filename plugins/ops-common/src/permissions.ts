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
 * Read queues: the queue overview, depth and throughput history, spike alerts, and redacted
 * job samples with recipient patterns.
 * @public
 */
export const opsQueuesReadPermission = createPermission({
  name: 'ops.queues.read',
  attributes: { action: 'read' },
});

/**
 * Pause or resume ONE tenant's queued work (the emergency pause). A resource permission on
 * the Tenant entity, so policies can grant it to tenant owners (`IS_TENANT_OWNER`). Audited.
 * @public
 */
export const opsTenantQueuePausePermission = createPermission({
  name: 'ops.tenant.queue.pause',
  attributes: { action: 'update' },
  resourceType: OPS_TENANT_RESOURCE_TYPE,
});

/**
 * See a tenant's queued jobs unredacted (full recipients and bodies). A resource permission
 * on the Tenant entity; every unredacted view is audited (`queue-samples-unredacted-view`).
 * @public
 */
export const opsTenantQueueSamplesUnredactedPermission = createPermission({
  name: 'ops.tenant.queue.samples.unredacted',
  attributes: { action: 'read' },
  resourceType: OPS_TENANT_RESOURCE_TYPE,
});

/**
 * Send a notice (e.g. the "Security Alert" template) to a tenant's admin. A resource
 * permission on the Tenant entity. Audited.
 * @public
 */
export const opsTenantNotifyPermission = createPermission({
  name: 'ops.tenant.notify',
  attributes: { action: 'update' },
  resourceType: OPS_TENANT_RESOURCE_TYPE,
});

/**
 * Read logs: search, histogram, context, tail, top values, export. A resource permission on
 * the Tenant entity: a policy may answer ALLOW (all logs) or a conditional decision (e.g.
 * `IS_TENANT_OWNER`), which limits the caller to the logs of the tenants it matches.
 * @public
 */
export const opsLogsReadPermission = createPermission({
  name: 'ops.logs.read',
  attributes: { action: 'read' },
  resourceType: OPS_TENANT_RESOURCE_TYPE,
});

/**
 * Send logs over OTLP/HTTP (`/api/ops/otlp/v1/logs`): for machine callers holding an
 * external access token restricted to this permission.
 * @public
 */
export const opsLogsIngestPermission = createPermission({
  name: 'ops.logs.ingest',
  attributes: { action: 'create' },
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
  opsQueuesReadPermission,
  opsTenantQueuePausePermission,
  opsTenantQueueSamplesUnredactedPermission,
  opsTenantNotifyPermission,
  opsLogsReadPermission,
  opsLogsIngestPermission,
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
  opsQueuesReadPermission,
];
