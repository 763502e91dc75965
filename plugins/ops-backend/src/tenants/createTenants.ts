import { AuditService } from '../audit/AuditService';
import { PlatformSources } from '../platform/PlatformSources';
import { Capability } from '../routerTypes';
import { TenantsService } from './TenantsService';

/** Wires the tenant pages' data over the platform sources; tenant actions are audited. */
export function createTenants(deps: {
  platform: PlatformSources;
  audit: AuditService;
}): Capability<{ tenants: TenantsService }> {
  return {
    routes: {
      tenants: new TenantsService({
        sources: deps.platform,
        audit: deps.audit,
      }),
    },
  };
}
