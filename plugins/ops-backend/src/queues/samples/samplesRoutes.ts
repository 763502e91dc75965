import {
  opsQueuesReadPermission,
  opsTenantQueueSamplesUnredactedPermission,
  tenantEntityRef,
} from '@opsconsole/backstage-plugin-ops-common';
import { AuditService } from '../../audit/AuditService';
import { authorize } from '../../auth/authorize';
import { OpsRouter, RouteAuth } from '../../routerTypes';
import { SamplesService } from './SamplesService';

/** Mounts the queue samples route of the spec on the ops router. */
export function mountSamplesRoutes(
  router: OpsRouter,
  deps: RouteAuth & { samples: SamplesService; audit: AuditService },
) {
  const { samples, audit } = deps;

  router.get('/tenants/:tenantId/queues/samples', async (req, res) => {
    const { tenantId } = req.params;
    const { limit = 20, unredacted = false } = req.query;
    const credentials = await authorize(deps, req, opsQueuesReadPermission);
    if (!unredacted) {
      res.json(await samples.getSamples({ tenantId, limit, unredacted }));
      return;
    }
    await authorize(deps, req, {
      permission: opsTenantQueueSamplesUnredactedPermission,
      resourceRef: tenantEntityRef(tenantId),
    });
    res.json(
      await audit.audited({
        action: 'queue-samples-unredacted-view',
        severityLevel: 'high',
        request: req,
        credentials,
        targetRef: tenantEntityRef(tenantId),
        details: { tenantId, limit },
        run: () => samples.getSamples({ tenantId, limit, unredacted }),
        describeResult: r => ({
          jobs: r.jobs.map(j => `${j.queueId}/${j.id}`),
        }),
      }),
    );
  });
}
