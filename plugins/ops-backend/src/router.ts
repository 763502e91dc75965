import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  opsAuditReadPermission,
  opsHealthProbePermission,
  opsHealthReadPermission,
} from '@opsconsole/backstage-plugin-ops-common';
import express from 'express';
import { AuditService } from './audit/AuditService';
import { requirePermission } from './auth/requirePermission';
import { HealthService } from './health/HealthService';
import { createOpenApiRouter } from './schema/openapi/generated/router';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  health: HealthService;
  audit: AuditService;
}

const entityRef = (p: { kind: string; namespace: string; name: string }) =>
  stringifyEntityRef({ kind: p.kind, namespace: p.namespace, name: p.name });

/** Mounts each capability's handlers on the router generated from src/schema/openapi.yaml. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { health, audit } = options;
  const router = await createOpenApiRouter();

  router.get('/health/fleet', async (req, res) => {
    await requirePermission(options, req, opsHealthReadPermission);
    const { body, etag } = await health.getFleetSummaryJson();
    res.setHeader('ETag', etag);
    res.setHeader('Cache-Control', 'private, no-cache');
    if (req.headers['if-none-match'] === etag) {
      res.status(304).end();
      return;
    }
    res.type('application/json').send(body as any);
  });

  router.get('/health/entities/:kind/:namespace/:name', async (req, res) => {
    await requirePermission(options, req, opsHealthReadPermission);
    res.json(await health.getEntityHealth(entityRef(req.params)));
  });

  router.get(
    '/health/entities/:kind/:namespace/:name/history',
    async (req, res) => {
      await requirePermission(options, req, opsHealthReadPermission);
      res.json(
        await health.getEntityHistory(
          entityRef(req.params),
          req.query.range ?? '24h',
          req.query.buckets,
        ),
      );
    },
  );

  router.post(
    '/health/entities/:kind/:namespace/:name/probe',
    async (req, res) => {
      const credentials = await requirePermission(
        options,
        req,
        opsHealthProbePermission,
      );
      const targetRef = entityRef(req.params);
      const result = await audit.audited({
        action: 'health-probe',
        request: req,
        credentials,
        targetRef,
        severityLevel: 'low',
        run: () => health.probeNow(targetRef),
        describeResult: r => ({
          status: r.status,
          httpStatus: r.httpStatus,
          error: r.error,
        }),
      });
      res.json(result);
    },
  );

  router.get('/audit', async (req, res) => {
    await requirePermission(options, req, opsAuditReadPermission);
    res.json({
      events: await audit.list({
        targetRef: req.query.targetRef,
        limit: req.query.limit ?? 100,
      }),
    });
  });

  return router;
}
