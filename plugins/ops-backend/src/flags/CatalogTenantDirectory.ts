import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  getTenantPlatformId,
  isTenantEntity,
  TENANT_KIND,
} from '@opsconsole/backstage-plugin-ops-common';

/** Where the flags capability learns which tenants exist (for previews). */
export interface TenantDirectory {
  /** Stable id of the directory, shown in `sources`. */
  readonly id: string;
  listTenantIds(): Promise<string[]>;
}

/** Tenants are the Tenant entities of the catalog, identified by their platform id. */
export class CatalogTenantDirectory implements TenantDirectory {
  readonly id = 'tenants:catalog';

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  async listTenantIds(): Promise<string[]> {
    const { items } = await this.catalog.getEntities(
      {
        filter: { kind: TENANT_KIND },
        fields: [
          'apiVersion',
          'kind',
          'metadata.name',
          'metadata.annotations',
          'spec.platformId',
        ],
      },
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
    return items.filter(isTenantEntity).map(getTenantPlatformId).sort();
  }
}
