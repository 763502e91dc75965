import express from 'express';
import { AuditService } from './audit/AuditService';
import { mountAuditRoutes } from './audit/auditRoutes';
import { HealthService } from './health/HealthService';
import { mountHealthRoutes } from './health/healthRoutes';
import { FlagsService } from './flags/FlagsService';
import { mountFlagsRoutes } from './flags/flagsRoutes';
import { LogsRoutesDeps, mountLogsRoutes } from './logs/logsRoutes';
import { QueueRoutesDeps } from './queues/createQueues';
import { mountQueueRoutes } from './queues/queuesRoutes';
import { mountSamplesRoutes } from './queues/samples/samplesRoutes';
import { SamplesService } from './queues/samples/SamplesService';
import { mountNoticeRoutes } from './notices/noticeRoutes';
import { NoticesService } from './notices/NoticesService';
import { mountTenantRoutes } from './tenants/tenantRoutes';
import { TenantsService } from './tenants/TenantsService';
import { mountUserRoutes } from './users/userRoutes';
import { UsersService } from './users/UsersService';
import { RouteAuth } from './routerTypes';
import { createOpenApiRouter } from './schema/openapi/generated/router';

export interface RouterOptions extends RouteAuth {
  health: HealthService;
  audit: AuditService;
  flags: FlagsService;
  users: UsersService;
  tenants: TenantsService;
  logs: LogsRoutesDeps;
  queues: QueueRoutesDeps;
  samples: SamplesService;
  notices: NoticesService;
}

/**
 * The ops router: generated from src/schema/openapi.yaml (requests validated against
 * the spec), with each capability mounting its own handlers.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const router = await createOpenApiRouter();
  mountHealthRoutes(router, options);
  mountAuditRoutes(router, options);
  mountFlagsRoutes(router, options);
  mountUserRoutes(router, options);
  mountTenantRoutes(router, options);
  mountLogsRoutes(router, options.logs);
  mountQueueRoutes(router, options);
  mountSamplesRoutes(router, options);
  mountNoticeRoutes(router, options);
  return router;
}
