import { isTenantOwner } from './isTenantOwner';

export { isTenantOwner };

/** Every rule of the `ops-tenant` resource type. */
export const opsTenantRules = { isTenantOwner };
