import {
  entityKindSchemaValidator,
  KindValidator,
} from '@backstage/catalog-model';
import { TenantEntityV1alpha1 } from '@opsconsole/backstage-plugin-ops-common';
import schema from './Tenant.v1alpha1.schema.json';

const validate = entityKindSchemaValidator<TenantEntityV1alpha1>(schema);

/**
 * Validates entities against the Tenant JSON schema (`Tenant.v1alpha1.schema.json`).
 * `check` answers false for other kinds and apiVersions, true for a valid Tenant, and
 * throws a `TypeError` naming the first invalid field of an invalid one.
 * @public
 */
export const tenantEntityV1alpha1Validator: KindValidator = {
  async check(data) {
    return validate(data) === data;
  },
};
