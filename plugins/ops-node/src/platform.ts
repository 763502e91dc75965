import { createExtensionPoint } from '@backstage/backend-plugin-api';

/**
 * Records of the Platform Admin API contract
 * (`@opsconsole/backstage-plugin-ops-common/platform-admin-api.yaml`), which a platform
 * implements so the console can read its tenants, users, logins and deliverability.
 */

/** @public */
export type PlatformTenantTier = 'free' | 'pro' | 'enterprise';

/** @public */
export type PlatformTenantStatus = 'active' | 'trial' | 'suspended';

/** @public */
export interface PlatformTenant {
  /** Stable slug, e.g. `acme`; also the Tenant entity's name. */
  id: string;
  name: string;
  tier: PlatformTenantTier;
  region: string;
  status: PlatformTenantStatus;
  adminEmail: string;
  adminName?: string;
  createdAt: string;
}

/** @public */
export interface PlatformUser {
  id: string;
  tenantId: string;
  email: string;
  name: string;
  role: string;
  status: 'active' | 'invited' | 'disabled';
  lastLoginAt?: string;
}

/** @public */
export interface PlatformLogin {
  userId: string;
  at: string;
  success: boolean;
  ip: string;
  userAgent?: string;
  country?: string;
}

/** @public */
export interface DeliverabilityPoint {
  /** Start of the interval (ISO time). */
  start: string;
  sent: number;
  delivered: number;
  bounced: number;
  complaints: number;
}

/**
 * The value a platform last evaluated for one feature flag and one tenant (through
 * OpenFeature), so operators can see that an override has taken effect.
 * @public
 */
export interface PlatformFeatureEvaluation {
  flagKey: string;
  value: boolean | string | number | { [key: string]: unknown };
  variant?: string;
  /** OpenFeature resolution reason, e.g. `TARGETING_MATCH`, `DEFAULT`, `ERROR`. */
  reason: string;
  /** OpenFeature error code when the evaluation failed, e.g. `FLAG_NOT_FOUND`. */
  errorCode?: string;
  errorMessage?: string;
  evaluatedAt: string;
}

/**
 * Where the console reads tenants, their users and login history, and per-tenant email
 * deliverability. Built in: an HTTP client of the Platform Admin API; modules can add
 * others through {@link opsPlatformProvidersExtensionPoint}.
 * @public
 */
export interface PlatformAdminProvider {
  /** Stable id, shown in `sources` lists. */
  readonly id: string;
  listTenants(): Promise<PlatformTenant[]>;
  getTenant(tenantId: string): Promise<PlatformTenant | undefined>;
  listTenantUsers(tenantId: string): Promise<PlatformUser[]>;
  /** Users of every tenant whose email, name or id matches `query` (case-insensitive). */
  searchUsers(
    query: string,
    options?: { limit?: number },
  ): Promise<PlatformUser[]>;
  getUser(userId: string): Promise<PlatformUser | undefined>;
  getUserLogins(
    userId: string,
    options?: { since?: string; limit?: number },
  ): Promise<PlatformLogin[]>;
  /** Deliverability per interval; `tenantId` undefined means the whole fleet. */
  getDeliverability(options: {
    tenantId?: string;
    from: string;
    to: string;
    intervalSeconds: number;
  }): Promise<DeliverabilityPoint[]>;
  /**
   * The feature-flag values the platform last evaluated for a tenant, one per flag.
   * Optional: platforms that do not report evaluations leave it out.
   */
  getFeatureEvaluations?(
    tenantId: string,
  ): Promise<PlatformFeatureEvaluation[]>;
}

/** @public */
export interface OpsPlatformProvidersExtensionPoint {
  addProvider(
    ...providers: Array<PlatformAdminProvider | PlatformAdminProvider[]>
  ): void;
}

/**
 * Collection-style extension point for platforms other than the built-in Platform Admin
 * API client.
 * @public
 */
export const opsPlatformProvidersExtensionPoint =
  createExtensionPoint<OpsPlatformProvidersExtensionPoint>({
    id: 'ops.platform-providers',
  });
