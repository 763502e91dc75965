// Types of the ops API's tenant resources. They mirror plugins/ops-backend/src/schema/openapi.yaml
// (the contract); ops-backend checks its service answers against these types at compile time.

import { AuditEvent, SourceStatus } from '../health/types';

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
export interface TenantRef {
  /** The platform tenant id (slug), e.g. `acme`; also the Tenant entity's name. */
  id: string;
  /** `tenant:default/<id>` */
  entityRef: string;
}

/** @public */
export type TenantTier = 'free' | 'pro' | 'enterprise';

/** @public */
export type TenantStatus = 'active' | 'trial' | 'suspended';

/**
 * Answer of `GET /tenants/{tenantId}`: the platform's view of one tenant. `adminEmail` is
 * masked unless revealed.
 * @public
 */
export interface TenantDetail {
  tenant: {
    id: string;
    entityRef: string;
    name: string;
    tier: TenantTier;
    region: string;
    status: TenantStatus;
    adminEmail: string;
    adminName?: string;
    createdAt: string;
    source: string;
  };
  revealed?: boolean;
  sources: SourceStatus[];
}

/** @public */
export const DELIVERABILITY_RANGES = ['7d', '30d'] as const;

/** @public */
export type DeliverabilityRange = (typeof DELIVERABILITY_RANGES)[number];

/**
 * Counts of one interval and their rates: deliveryRate = delivered / sent, bounceRate =
 * bounced / sent, complaintRate = complaints / delivered; each 0..1, null when its
 * denominator is 0.
 * @public
 */
export interface DeliverabilityStats {
  sent: number;
  delivered: number;
  bounced: number;
  complaints: number;
  deliveryRate: number | null;
  bounceRate: number | null;
  complaintRate: number | null;
}

/** @public */
export interface DeliverabilityBucket {
  start: string;
  tenant: DeliverabilityStats;
  /** Every tenant together, to compare the tenant's trend against. */
  fleet: DeliverabilityStats;
}

/** Answer of `GET /tenants/{tenantId}/deliverability`. @public */
export interface TenantDeliverability {
  tenant: TenantRef;
  range: DeliverabilityRange;
  /** 3600 (hourly) for 7d, 21600 (6-hourly) for 30d. */
  bucketSeconds: number;
  from: string;
  to: string;
  /** Oldest first, zero-filled. */
  buckets: DeliverabilityBucket[];
  totals: { tenant: DeliverabilityStats; fleet: DeliverabilityStats };
  sources: SourceStatus[];
}

/** Answer of `GET /tenants/{tenantId}/timeline`. @public */
export interface TenantTimeline {
  tenant: TenantRef;
  /** Audit events whose target is the tenant entity, newest first. */
  events: AuditEvent[];
}
