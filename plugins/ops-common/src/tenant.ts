import type { Entity } from '@backstage/catalog-model';
import type { TenantStatus, TenantTier } from './tenants/types';

/**
 * Kind of the catalog entity of a tenant of the platform.
 * @public
 */
export const TENANT_KIND = 'Tenant';

/**
 * apiVersion of {@link TenantEntityV1alpha1}.
 * @public
 */
export const TENANT_API_VERSION = 'opsconsole.io/v1alpha1';

/**
 * Annotation on a Tenant entity holding the tenant's id in the platform, set by the
 * entity provider of `@opsconsole/backstage-plugin-catalog-backend-module-ops`.
 * @public
 */
export const OPS_TENANT_ID_ANNOTATION = 'opsconsole.io/tenant-id';

/**
 * What a platform tenant id looks like: a lower-case slug of at most 63 characters (it is
 * also the Tenant entity's name). The console's `/tenants/{tenantId}` routes accept only these.
 * @public
 */
export const TENANT_ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,62}$/;

/** True when `value` is a tenant id ({@link TENANT_ID_PATTERN}). @public */
export function isTenantId(value: string): boolean {
  return TENANT_ID_PATTERN.test(value);
}

/**
 * A tenant of the platform as a catalog entity (`kind: Tenant`,
 * `apiVersion: opsconsole.io/v1alpha1`). The JSON schema that validates it lives in
 * `@opsconsole/backstage-plugin-catalog-backend-module-ops`.
 * @public
 */
export interface TenantEntityV1alpha1 extends Entity {
  apiVersion: typeof TENANT_API_VERSION;
  kind: typeof TENANT_KIND;
  spec: {
    /** Entity ref of the owning group or user, e.g. `group:default/ops-admins`. */
    owner: string;
    tier: TenantTier;
    /** Where the tenant's data and sending run, e.g. `eu-west-1`. */
    region: string;
    status: TenantStatus;
    adminContact: {
      email: string;
      name?: string;
    };
    /** Entity ref of the System that serves the tenant, e.g. `system:default/mail-platform`. */
    system?: string;
    /** The tenant's id in the platform; the entity name when left out. */
    platformId?: string;
  };
}

/**
 * Whether an entity is a {@link TenantEntityV1alpha1}. Checks kind and apiVersion only; the
 * catalog has validated the rest.
 * @public
 */
export function isTenantEntity(entity: Entity): entity is TenantEntityV1alpha1 {
  return (
    entity.apiVersion === TENANT_API_VERSION && entity.kind === TENANT_KIND
  );
}

/**
 * The platform id of a Tenant entity: `spec.platformId`, else the
 * `opsconsole.io/tenant-id` annotation, else the entity name.
 * @public
 */
export function getTenantPlatformId(entity: TenantEntityV1alpha1): string {
  return (
    entity.spec.platformId ??
    entity.metadata.annotations?.[OPS_TENANT_ID_ANNOTATION] ??
    entity.metadata.name
  );
}
