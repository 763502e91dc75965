import { AuditorService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { AuditService } from './AuditService';
import { DatabaseAuditStore } from './DatabaseAuditStore';

/** Wires the audit trail: `coreServices.auditor` events plus the plugin's own audit table. */
export function createAudit(deps: {
  db: Knex;
  auditor: AuditorService;
}): AuditService {
  return new AuditService(deps.auditor, DatabaseAuditStore.create(deps.db));
}
