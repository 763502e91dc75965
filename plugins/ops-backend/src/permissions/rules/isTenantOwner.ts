import { RELATION_OWNED_BY } from '@backstage/catalog-model';
import { createPermissionRule } from '@backstage/plugin-permission-node';
import { z } from 'zod';
import { tenantOwnerRef } from '../../tenants/TenantDirectory';
import { opsTenantPermissionResourceRef } from '../tenantResource';

/**
 * `IS_TENANT_OWNER`: the Tenant entity's owner (`spec.owner`, or an `ownedBy` relation)
 * is one of `claims` — typically the caller's ownership entity refs.
 * @public
 */
export const isTenantOwner = createPermissionRule({
  name: 'IS_TENANT_OWNER',
  description:
    "Allow tenants whose owner is one of the given claims (the caller's ownership refs)",
  resourceRef: opsTenantPermissionResourceRef,
  paramsSchema: z.object({
    claims: z
      .array(z.string())
      .describe('Entity refs, at least one of which must own the tenant'),
  }),
  apply: (tenant, { claims }) => {
    const lower = (ref: string) => ref.toLocaleLowerCase('en-US');
    const owners = new Set<string>();
    const owner = tenantOwnerRef(tenant);
    if (owner) owners.add(lower(owner));
    for (const relation of tenant.relations ?? []) {
      if (relation.type === RELATION_OWNED_BY) {
        owners.add(lower(relation.targetRef));
      }
    }
    return claims.some(claim => owners.has(lower(claim)));
  },
  toQuery: ({ claims }) => ({ key: 'spec.owner', values: claims }),
});
