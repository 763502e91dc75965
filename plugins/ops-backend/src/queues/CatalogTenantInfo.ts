import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  getTenantPlatformId,
  isTenantEntity,
  TENANT_KIND,
  TenantTier,
} from '@opsconsole/backstage-plugin-ops-common';
import { tenantOwnerRef } from '../permissions/tenantResource';

/** What the queues capability needs to know of a tenant from its catalog entity. */
export interface TenantInfo {
  tier?: TenantTier;
  /** The owning group or user, as a full entity ref. */
  ownerRef?: string;
}

/** Tier and owner of tenants, by platform id. */
export interface TenantInfoSource {
  readonly id: string;
  getTenants(): Promise<Map<string, TenantInfo>>;
}

/**
 * Tier and owner of every Tenant entity of the catalog, read at most once per `ttlMs` (the
 * sampler and the overview ask often; tiers and owners change rarely).
 */
export class CatalogTenantInfo implements TenantInfoSource {
  readonly id = 'tenants:catalog';
  private cached?: { at: number; value: Promise<Map<string, TenantInfo>> };

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    private readonly ttlMs = 60_000,
  ) {}

  getTenants(): Promise<Map<string, TenantInfo>> {
    const now = Date.now();
    if (!this.cached || now - this.cached.at > this.ttlMs) {
      const value = this.load();
      this.cached = { at: now, value };
      // a failure or an empty catalog (tenants not ingested yet, e.g. right after start)
      // is not kept: the next call asks again, so tiers appear as soon as tenants do
      const forget = () => {
        if (this.cached?.value === value) this.cached = undefined;
      };
      value.then(tenants => {
        if (tenants.size === 0) forget();
      }, forget);
    }
    return this.cached.value;
  }

  private async load() {
    const { items } = await this.catalog.getEntities(
      {
        filter: { kind: TENANT_KIND },
        fields: [
          'apiVersion',
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.annotations',
          'spec.platformId',
          'spec.tier',
          'spec.owner',
        ],
      },
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
    return new Map(
      items
        .filter(isTenantEntity)
        .map(e => [
          getTenantPlatformId(e),
          { tier: e.spec.tier, ownerRef: tenantOwnerRef(e) },
        ]),
    );
  }
}
