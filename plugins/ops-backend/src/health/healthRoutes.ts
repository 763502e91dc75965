import {
  opsHealthProbePermission,
  opsHealthReadPermission,
} from '@opsconsole/backstage-plugin-ops-common';
import { AuditService } from '../audit/AuditService';
import { authorize } from '../auth/authorize';
import { SharedEncodedJson, sendEncodedJson } from '../http/encodedJson';
import { entityRefFromPath, OpsRouter, RouteAuth } from '../routerTypes';
import { HealthService } from './HealthService';

/** Mounts the health routes of the spec on the ops router. */
export function mountHealthRoutes(
  router: OpsRouter,
  deps: RouteAuth & { health: HealthService; audit: AuditService },
) {
  const { health, audit } = deps;

  const fleetJson = new SharedEncodedJson();
  router.get('/health/fleet', async (req, res) => {
    await authorize(deps, req, opsHealthReadPermission);
    const encoded = await fleetJson.get(health.fleetSummaryVersion(), () =>
      health.getFleetSummary(),
    );
    sendEncodedJson(req, res, encoded);
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
