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
 * Every permission of the ops plugin, for registration and for policies.
 * @public
 */
export const opsPermissions = [
  opsHealthReadPermission,
  opsHealthProbePermission,
  opsAuditReadPermission,
];

/**
 * Permissions the example policy grants to every signed-in user (non-sensitive reads).
 * @public
 */
export const opsReadOnlyPermissions = [opsHealthReadPermission];
