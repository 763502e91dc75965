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
