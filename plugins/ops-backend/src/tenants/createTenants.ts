import { AuditService } from '../audit/AuditService';
import { PlatformSources } from '../platform/PlatformSources';
import { TenantsService } from './TenantsService';

/** Wires the tenant pages' data over the platform sources; tenant actions are audited. */
export function createTenants(deps: {
  platform: PlatformSources;
  audit: AuditService;
}): TenantsService {
  return new TenantsService({ sources: deps.platform, audit: deps.audit });
}
