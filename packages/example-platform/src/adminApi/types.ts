/*
 * Records of the Platform Admin API
 * (`@opsconsole/backstage-plugin-ops-common/platform-admin-api.yaml`).
 * The conformance test validates every response against that document, so
 * these types cannot drift from it unnoticed.
 */
import { TenantStatus, TenantTier, UserStatus } from '../db/types';

/** @public */
export interface AdminApiTenant {
  id: string;
  name: string;
  tier: TenantTier;
  region: string;
  status: TenantStatus;
  adminEmail: string;
  adminName?: string;
  createdAt: string;
}

/** @public */
export interface AdminApiUser {
  id: string;
  tenantId: string;
  email: string;
  name: string;
  role: string;
  status: UserStatus;
  lastLoginAt?: string;
}

/** @public */
export interface AdminApiLogin {
  userId: string;
  at: string;
  success: boolean;
  ip: string;
  userAgent?: string;
  country?: string;
}

/** @public */
export interface AdminApiDeliverabilityPoint {
  start: string;
  sent: number;
  delivered: number;
  bounced: number;
  complaints: number;
}

/** @public */
export interface AdminApiFeatureEvaluation {
  flagKey: string;
  value: boolean | string | number | { [key: string]: unknown };
  variant?: string;
  reason: string;
  errorCode?: string;
  errorMessage?: string;
  evaluatedAt: string;
}

/** Job states a queue counts. @public */
export type AdminApiQueueJobState =
  | 'waiting'
  | 'active'
  | 'delayed'
  | 'failed'
  | 'completed';

/** One tenant's outbound queue now (`QueueSnapshot` of the contract). @public */
export interface AdminApiQueueSnapshot {
  name: string;
  tenantId?: string;
  counts: Record<AdminApiQueueJobState, number>;
  paused: boolean;
  oldestWaitingAt?: string;
  totals?: { enqueued?: number; completed?: number; failed?: number };
}

/** One job of a tenant's queue (`QueueJob` of the contract). @public */
export interface AdminApiQueueJob {
  id: string;
  queueName: string;
  name: string;
  state: AdminApiQueueJobState;
  enqueuedAt: string;
  attemptsMade?: number;
  failedReason?: string;
  data: unknown;
}
