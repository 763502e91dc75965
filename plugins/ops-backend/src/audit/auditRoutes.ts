import { opsAuditReadPermission } from '@opsconsole/backstage-plugin-ops-common';
import { authorize } from '../auth/authorize';
import { OpsRouter, RouteAuth } from '../routerTypes';
import { AuditService } from './AuditService';

/** Mounts the audit trail routes of the spec on the ops router. */
export function mountAuditRoutes(
  router: OpsRouter,
  deps: RouteAuth & { audit: AuditService },
) {
  router.get('/audit', async (req, res) => {
    await authorize(deps, req, opsAuditReadPermission);
    res.json({
      events: await deps.audit.list({
        targetRef: req.query.targetRef,
        limit: req.query.limit ?? 100,
      }),
    });
  });
}
