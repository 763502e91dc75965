import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  getTenantPlatformId,
  isTenantEntity,
  OPS_TENANT_ID_ANNOTATION,
  TENANT_KIND,
} from '@opsconsole/backstage-plugin-ops-common';
import {
  OPS_REDACT_FIELDS_ANNOTATION,
  parseRedactFieldsAnnotation,
} from './redactionConfig';

/** Where the samples learn the extra fields a tenant wants removed. */
export interface TenantRedactFields {
  /** Stable id, shown in `sources`. */
  readonly id: string;
  fieldsFor(tenantId: string): Promise<string[]>;
}

/** Reads `opsconsole.io/redact-fields` from the tenant's Tenant entity (found by its platform id). */
export class CatalogRedactFields implements TenantRedactFields {
  readonly id = 'tenants:catalog';

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  async fieldsFor(tenantId: string): Promise<string[]> {
    // the entity whose platform id is the tenant's (spec.platformId, the tenant-id
    // annotation, else the entity name), as the rest of the plugin maps tenants
    const { items } = await this.catalog.getEntities(
      {
        filter: [
          { kind: TENANT_KIND, 'spec.platformId': tenantId },
          {
            kind: TENANT_KIND,
            [`metadata.annotations.${OPS_TENANT_ID_ANNOTATION}`]: tenantId,
          },
          { kind: TENANT_KIND, 'metadata.name': tenantId },
        ],
      },
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
    const entity = items
      .filter(isTenantEntity)
      .find(e => getTenantPlatformId(e) === tenantId);
    return parseRedactFieldsAnnotation(
      entity?.metadata.annotations?.[OPS_REDACT_FIELDS_ANNOTATION],
    );
  }
}
