import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { PlatformAdminApiComponents } from '@opsconsole/backstage-plugin-ops-common';

// Records of the Platform Admin API contract
// (`@opsconsole/backstage-plugin-ops-common/platform-admin-api.yaml`), which a platform
// implements so the console can read its tenants, users, logins and deliverability; the
// shapes are generated from that document.

/** @public */
export type PlatformTenant = PlatformAdminApiComponents['schemas']['Tenant'];

/** @public */
export type PlatformTenantTier = PlatformTenant['tier'];

/** @public */
export type PlatformTenantStatus = PlatformTenant['status'];

/** @public */
export type PlatformUser = PlatformAdminApiComponents['schemas']['User'];

/** @public */
export type PlatformLogin = PlatformAdminApiComponents['schemas']['Login'];

/** @public */
export type DeliverabilityPoint =
  PlatformAdminApiComponents['schemas']['DeliverabilityPoint'];

/**
 * The value a platform last evaluated for one feature flag and one tenant (through
 * OpenFeature), so operators can see that an override has taken effect.
 * @public
 */
export type PlatformFeatureEvaluation =
  PlatformAdminApiComponents['schemas']['FeatureEvaluation'];

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
