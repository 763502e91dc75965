import { everyValue } from '../schema/everyValue';
// The ops API's tenant resources under the names the code uses; the shapes are generated from
// plugins/ops-backend/src/schema/openapi.yaml.

import type { OpsApiComponents } from '../schema';

type Schemas = OpsApiComponents['schemas'];

/**
 * The entity ref of a tenant's catalog entity: `tenant:default/<tenantId>`. Audit events about a
 * tenant (flag overrides, pauses, PII reveals) use it as their target, so the tenant timeline
 * finds them.
 * @public
 */
export function tenantEntityRef(tenantId: string): string {
  return `tenant:default/${tenantId}`;
}

/** A tenant as addressed by the ops API. @public */
export type TenantRef = Schemas['TenantRef'];

/** @public */
export type TenantTier = Schemas['TenantTier'];

/** @public */
export type TenantStatus = Schemas['TenantStatus'];

/** Answer of `GET /tenants/{tenantId}`: the platform's view of one tenant. @public */
export type TenantDetail = Schemas['TenantDetail'];

/** @public */
export type DeliverabilityRange = Schemas['DeliverabilityRange'];

/** @public */
export const DELIVERABILITY_RANGES = everyValue<DeliverabilityRange>()([
  '7d',
  '30d',
] as const);

/** Counts of one interval and their rates. @public */
export type DeliverabilityStats = Schemas['DeliverabilityStats'];

/** @public */
export type DeliverabilityBucket = Schemas['DeliverabilityBucket'];

/** Answer of `GET /tenants/{tenantId}/deliverability`. @public */
export type TenantDeliverability = Schemas['TenantDeliverability'];

/** Answer of `GET /tenants/{tenantId}/timeline`. @public */
export type TenantTimeline = Schemas['TenantTimeline'];
