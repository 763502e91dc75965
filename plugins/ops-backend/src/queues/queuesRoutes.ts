import {
  opsQueuesReadPermission,
  opsTenantQueuePausePermission,
  tenantEntityRef,
} from '@opsconsole/backstage-plugin-ops-common';
import { AuditService } from '../audit/AuditService';
import { requirePermission } from '../auth/requirePermission';
import { requireTenantPermission } from '../permissions/authorizeTenant';
import { OpsRouter, RouteAuth } from '../routerTypes';
import { QueueRoutesDeps } from './createQueues';

/** Mounts the queue routes of the spec (overview, history, alerts, pause, resume). */
export function mountQueueRoutes(
  router: OpsRouter,
  deps: RouteAuth & { queues: QueueRoutesDeps; audit: AuditService },
) {
  const { audit } = deps;
  const { service: queues, pauses: queuePauses } = deps.queues;

  router.get('/queues', async (req, res) => {
    await requirePermission(deps, req, opsQueuesReadPermission);
    res.json(
      await queues.getOverview({
        tenantId: req.query.tenantId,
        source: req.query.source,
      }),
    );
  });

  router.get('/queues/history', async (req, res) => {
    await requirePermission(deps, req, opsQueuesReadPermission);
    res.json(
      await queues.getHistory({
        range: req.query.range ?? '24h',
        tenantId: req.query.tenantId,
        queueId: req.query.queueId,
      }),
    );
  });

  router.get('/queues/alerts', async (req, res) => {
    await requirePermission(deps, req, opsQueuesReadPermission);
    res.json(
      await queues.listAlerts({
        tenantId: req.query.tenantId,
        status: req.query.status ?? 'open',
      }),
    );
  });

  router.post('/tenants/:tenantId/queues/pause', async (req, res) => {
    const { tenantId } = req.params;
    const credentials = await requireTenantPermission(
      deps,
      req,
      opsTenantQueuePausePermission,
      tenantId,
    );
    const { after } = await audit.audited({
      action: 'tenant-queue-pause',
      request: req,
      credentials,
      targetRef: tenantEntityRef(tenantId),
      severityLevel: 'high',
      details: {
        tenantId,
        reason: req.body.reason,
        autoResumeAt: req.body.autoResumeAt,
      },
      run: () =>
        queuePauses.pause(
          tenantId,
          req.body,
          credentials.principal.userEntityRef,
        ),
      describeResult: r => ({ before: r.before, after: r.after }),
    });
    res.json(after);
  });

  router.post('/tenants/:tenantId/queues/resume', async (req, res) => {
    const { tenantId } = req.params;
    const credentials = await requireTenantPermission(
      deps,
      req,
      opsTenantQueuePausePermission,
      tenantId,
    );
    const { after } = await audit.audited({
      action: 'tenant-queue-resume',
      request: req,
      credentials,
      targetRef: tenantEntityRef(tenantId),
      severityLevel: 'high',
      details: { tenantId, reason: req.body.reason },
      run: () => queuePauses.resume(tenantId, req.body.reason),
      describeResult: r => ({ before: r.before, after: r.after }),
    });
    res.json(after);
  });
}
