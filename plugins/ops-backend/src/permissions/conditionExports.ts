import { createConditionExports } from '@backstage/plugin-permission-node';
import { opsTenantRules } from './rules';
import { opsTenantPermissionResourceRef } from './tenantResource';

const { conditions, createConditionalDecision } = createConditionExports({
  resourceRef: opsTenantPermissionResourceRef,
  rules: opsTenantRules,
});

/**
 * Conditions of the `ops-tenant` resource type, for permission policies, e.g.
 * `opsTenantConditions.isTenantOwner({ claims: user.info.ownershipEntityRefs })`.
 * @public
 */
export const opsTenantConditions = conditions;

/**
 * Wraps `ops-tenant` conditions into a conditional policy decision.
 * @public
 */
export const createOpsTenantConditionalDecision = createConditionalDecision;
