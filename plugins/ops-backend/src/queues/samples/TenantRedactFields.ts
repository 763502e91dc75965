import { TenantDirectory } from '../../tenants/TenantDirectory';
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

/** `opsconsole.io/redact-fields` of the tenant's Tenant entity in the directory. */
export function tenantRedactFields(
  directory: Pick<TenantDirectory, 'id' | 'getTenant'>,
): TenantRedactFields {
  return {
    id: directory.id,
    fieldsFor: async tenantId =>
      parseRedactFieldsAnnotation(
        (await directory.getTenant(tenantId))?.metadata.annotations?.[
          OPS_REDACT_FIELDS_ANNOTATION
        ],
      ),
  };
}
