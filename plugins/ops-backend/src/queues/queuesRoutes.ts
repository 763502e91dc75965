import {
  opsQueuesReadPermission,
  opsTenantQueuePausePermission,
  tenantEntityRef,
} from '@opsconsole/backstage-plugin-ops-common';
import { Request } from 'express';
import { AuditService } from '../audit/AuditService';
import { authorize } from '../auth/authorize';
import { OpsRouter, RouteAuth } from '../routerTypes';
import { QueueRoutesDeps } from './createQueues';
import { PauseChange } from './QueuePauses';

/** Mounts the queue routes of the spec (overview, history, alerts, pause, resume). */
export function mountQueueRoutes(
  router: OpsRouter,
  deps: RouteAuth & { queues: QueueRoutesDeps; audit: AuditService },
) {
  const { audit } = deps;
  const { service: queues, pauses: queuePauses } = deps.queues;

  router.get('/queues', async (req, res) => {
    await authorize(deps, req, opsQueuesReadPermission);
    res.json(
      await queues.getOverview({
        tenantId: req.query.tenantId,
        source: req.query.source,
      }),
    );
  });

  router.get('/queues/history', async (req, res) => {
    await authorize(deps, req, opsQueuesReadPermission);
    res.json(
      await queues.getHistory({
        range: req.query.range ?? '24h',
        tenantId: req.query.tenantId,
        queueId: req.query.queueId,
      }),
    );
  });

  router.get('/queues/alerts', async (req, res) => {
    await authorize(deps, req, opsQueuesReadPermission);
    res.json(
      await queues.listAlerts({
        tenantId: req.query.tenantId,
        status: req.query.status ?? 'open',
      }),
    );
  });

  /** Pauses or resumes a tenant's queues as the caller; audited with before/after. */
  async function changePause(
    req: Request<{ tenantId: string }, any, any, any, any>,
    action: 'tenant-queue-pause' | 'tenant-queue-resume',
    details: { reason: string; autoResumeAt?: string },
    run: (tenantId: string, actor: string) => Promise<PauseChange>,
  ) {
    const { tenantId } = req.params;
    const credentials = await authorize(deps, req, {
      permission: opsTenantQueuePausePermission,
      resourceRef: tenantEntityRef(tenantId),
    });
    const { after } = await audit.audited({
      action,
      request: req,
      credentials,
      targetRef: tenantEntityRef(tenantId),
      severityLevel: 'high',
      details: { tenantId, ...details },
      run: () => run(tenantId, credentials.principal.userEntityRef),
      describeResult: r => ({ before: r.before, after: r.after }),
    });
    return after;
  }

  router.post('/tenants/:tenantId/queues/pause', async (req, res) => {
    const { reason, autoResumeAt } = req.body;
    res.json(
      await changePause(
        req,
        'tenant-queue-pause',
        { reason, autoResumeAt },
        (tenantId, actor) => queuePauses.pause(tenantId, req.body, actor),
      ),
    );
  });

  router.post('/tenants/:tenantId/queues/resume', async (req, res) => {
    const { reason } = req.body;
    res.json(
      await changePause(req, 'tenant-queue-resume', { reason }, tenantId =>
        queuePauses.resume(tenantId, reason),
      ),
    );
  });
}
