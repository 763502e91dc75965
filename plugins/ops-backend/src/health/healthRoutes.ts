import {
  opsHealthProbePermission,
  opsHealthReadPermission,
} from '@opsconsole/backstage-plugin-ops-common';
import { AuditService } from '../audit/AuditService';
import { authorize } from '../auth/authorize';
import { entityRefFromPath, OpsRouter, RouteAuth } from '../routerTypes';
import { HealthService } from './HealthService';

/** Mounts the health routes of the spec on the ops router. */
export function mountHealthRoutes(
  router: OpsRouter,
  deps: RouteAuth & { health: HealthService; audit: AuditService },
) {
  const { health, audit } = deps;

  router.get('/health/fleet', async (req, res) => {
    await authorize(deps, req, opsHealthReadPermission);
    const { body, gzip, etag } = await health.getFleetSummaryJson();
    res.setHeader('ETag', etag);
    res.setHeader('Cache-Control', 'private, no-cache');
    res.setHeader('Vary', 'Accept-Encoding');
    if (req.headers['if-none-match'] === etag) {
      res.status(304).end();
      return;
    }
    res.type('application/json');
    // the cached gzip bytes spare the compression middleware from encoding 1 MB+ per request
    if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      res.setHeader('Content-Encoding', 'gzip');
      res.send(gzip as any);
    } else {
      res.send(body as any);
    }
  });

  router.get('/health/entities/:kind/:namespace/:name', async (req, res) => {
    await authorize(deps, req, opsHealthReadPermission);
    res.json(await health.getEntityHealth(entityRefFromPath(req.params)));
  });

  router.get(
    '/health/entities/:kind/:namespace/:name/history',
    async (req, res) => {
      await authorize(deps, req, opsHealthReadPermission);
      res.json(
        await health.getEntityHistory(
          entityRefFromPath(req.params),
          req.query.range ?? '24h',
          req.query.buckets,
        ),
      );
    },
  );

  router.post(
    '/health/entities/:kind/:namespace/:name/probe',
    async (req, res) => {
      const credentials = await authorize(deps, req, opsHealthProbePermission);
      const targetRef = entityRefFromPath(req.params);
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
}
