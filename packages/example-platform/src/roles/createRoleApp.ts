import express, { NextFunction, Request, Response } from 'express';
import { createAdminRouter } from '../admin/faultRoutes';
import { FaultState } from '../admin/faultState';
import { collectChecks } from '../health/collectChecks';
import { createHealthHandler } from '../health/healthRoute';
import { sendError } from '../httpErrors';
import { logRequests } from '../telemetry/logRequests';
import { RoleContext, RoleDefinition } from './types';

/** `example-platform-<role>` */
export function serviceIdOf(definition: RoleDefinition): string {
  return `example-platform-${definition.name}`;
}

/** The express app of one role: `/health`, `/admin/*` and the role's own routes. */
export function createRoleApp(
  definition: RoleDefinition,
  context: RoleContext,
  faultState: FaultState,
  signal: AbortSignal,
): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  const serviceId = serviceIdOf(definition);

  app.use(logRequests(context.logger));

  app.get('/', (_req, res) => {
    res.json({
      serviceId,
      role: definition.name,
      description: definition.description,
      links: { health: '/health', fault: '/admin/fault' },
    });
  });

  app.get(
    '/health',
    createHealthHandler({
      serviceId,
      description: definition.description,
      version: context.version,
      releaseId: context.releaseId,
      faultState,
      signal,
      logger: context.logger,
      collect: () =>
        collectChecks({
          repository: context.repository,
          sampler: context.sampler,
          thresholds: context.thresholds,
          queue: definition.reportsQueue ? context.queue : undefined,
        }),
    }),
  );

  app.use(
    '/admin',
    createAdminRouter({
      role: definition.name,
      faults: context.faults,
      adminToken: context.adminToken,
      crossRole: definition.crossRoleAdmin,
      roleLoggers: context.roleLoggers,
      tenantIds: () =>
        context.repository
          .listTenants()
          .filter(t => t.status !== 'suspended')
          .map(t => t.id),
    }),
  );

  if (definition.routes) {
    app.use(definition.routes(context));
  }

  app.use((req: Request, res: Response) => {
    sendError(
      res,
      404,
      'NotFoundError',
      `No route for ${req.method} ${req.path}`,
    );
  });

  app.use(
    (error: unknown, _req: Request, res: Response, _next: NextFunction) => {
      const status = (error as { status?: number; type?: string }).status;
      if (status && status >= 400 && status < 500) {
        sendError(res, status, 'InputError', (error as Error).message);
        return;
      }
      context.logger.error(`${serviceId} request failed`, {
        error: String(error),
      });
      sendError(res, 500, 'Error', 'Internal error');
    },
  );

  return app;
}
