import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { tenantEntityRef } from '@opsconsole/backstage-plugin-ops-common';
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

/** Reads `opsconsole.io/redact-fields` from the tenant's entity (`tenant:default/<id>`). */
export class CatalogRedactFields implements TenantRedactFields {
  readonly id = 'tenants:catalog';

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  async fieldsFor(tenantId: string): Promise<string[]> {
    const entity = await this.catalog.getEntityByRef(
      tenantEntityRef(tenantId),
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
    return parseRedactFieldsAnnotation(
      entity?.metadata.annotations?.[OPS_REDACT_FIELDS_ANNOTATION],
    );
  }
}
