import express from 'express';
import { AuditService } from './audit/AuditService';
import { mountAuditRoutes } from './audit/auditRoutes';
import { HealthService } from './health/HealthService';
import { mountHealthRoutes } from './health/healthRoutes';
import { RouteAuth } from './routerTypes';
import { createOpenApiRouter } from './schema/openapi/generated/router';

export interface RouterOptions extends RouteAuth {
  health: HealthService;
  audit: AuditService;
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
  return router;
}
