import { AuditorService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { Capability } from '../routerTypes';
import { AuditService } from './AuditService';
import { DatabaseAuditStore } from './DatabaseAuditStore';

/**
 * Wires the audit trail: `coreServices.auditor` events plus the plugin's own audit table.
 * The service is also handed to the capabilities whose actions are audited.
 */
export function createAudit(deps: {
  db: Knex;
  auditor: AuditorService;
}): Capability<{ audit: AuditService }> & { service: AuditService } {
  const service = new AuditService(
    deps.auditor,
    DatabaseAuditStore.create(deps.db),
  );
  return { routes: { audit: service }, service };
}
