import {
  opsTenantNotifyPermission,
  opsTenantsReadPermission,
  tenantEntityRef,
} from '@opsconsole/backstage-plugin-ops-common';
import { AuditService } from '../audit/AuditService';
import { authorize } from '../auth/authorize';
import { OpsRouter, RouteAuth } from '../routerTypes';
import { NoticesService } from './NoticesService';

/** Mounts the notice routes of the spec on the ops router. */
export function mountNoticeRoutes(
  router: OpsRouter,
  deps: RouteAuth & { notices: NoticesService; audit: AuditService },
) {
  const { notices, audit } = deps;

  router.get('/notices/templates', async (req, res) => {
    await authorize(deps, req, opsTenantsReadPermission);
    res.json(notices.listTemplates());
  });

  router.post('/tenants/:tenantId/notices/preview', async (req, res) => {
    const { tenantId } = req.params;
    await authorize(deps, req, {
      permission: opsTenantNotifyPermission,
      resourceRef: tenantEntityRef(tenantId),
    });
    res.json(await notices.preview({ tenantId, ...req.body }));
  });

  router.post('/tenants/:tenantId/notices', async (req, res) => {
    const { tenantId } = req.params;
    const { templateId, reason } = req.body;
    const credentials = await authorize(deps, req, {
      permission: opsTenantNotifyPermission,
      resourceRef: tenantEntityRef(tenantId),
    });
    const notice = await audit.audited({
      action: 'tenant-notice-send',
      severityLevel: 'high',
      request: req,
      credentials,
      targetRef: tenantEntityRef(tenantId),
      details: { tenantId, templateId, reason },
      run: () =>
        notices.send({
          tenantId,
          templateId,
          reason,
          actor: credentials.principal.userEntityRef,
        }),
      describeResult: n => ({ delivery: n.delivery, messageId: n.messageId }),
    });
    res.status(201).json(notice);
  });

  router.get('/tenants/:tenantId/notices', async (req, res) => {
    const { tenantId } = req.params;
    await authorize(deps, req, {
      permission: opsTenantNotifyPermission,
      resourceRef: tenantEntityRef(tenantId),
    });
    res.json(
      await notices.list({
        tenantId,
        limit: req.query.limit ?? 50,
      }),
    );
  });
}
