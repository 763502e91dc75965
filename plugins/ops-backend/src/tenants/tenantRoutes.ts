import {
  opsAuditReadPermission,
  opsTenantsReadPermission,
  opsUsersReadPermission,
  tenantEntityRef,
} from '@opsconsole/backstage-plugin-ops-common';
import { AuditService } from '../audit/AuditService';
import { authorize } from '../auth/authorize';
import { OpsRouter, RouteAuth } from '../routerTypes';
import { readWithPii } from '../users/piiReveal';
import { UsersService } from '../users/UsersService';
import { TenantsService } from './TenantsService';

/** Mounts the tenant routes of the spec (other than flags) on the ops router. */
export function mountTenantRoutes(
  router: OpsRouter,
  deps: RouteAuth & {
    tenants: TenantsService;
    users: UsersService;
    audit: AuditService;
  },
) {
  const { tenants, users } = deps;

  router.get('/tenants/:tenantId', async (req, res) => {
    const { tenantId } = req.params;
    res.json(
      await readWithPii(deps, req, {
        permission: opsTenantsReadPermission,
        reveal: req.query.reveal ?? false,
        targetRef: tenantEntityRef(tenantId),
        details: { tenantId, fields: ['adminEmail'] },
        read: reveal => tenants.getTenant({ tenantId, reveal }),
      }),
    );
  });

  router.get('/tenants/:tenantId/users', async (req, res) => {
    const { tenantId } = req.params;
    res.json(
      await readWithPii(deps, req, {
        permission: opsUsersReadPermission,
        reveal: req.query.reveal ?? false,
        targetRef: tenantEntityRef(tenantId),
        details: { tenantId, fields: ['email'] },
        read: reveal => users.listTenantUsers({ tenantId, reveal }),
        describeResult: r => ({ userIds: r.users.map(u => u.id) }),
      }),
    );
  });

  router.get('/tenants/:tenantId/deliverability', async (req, res) => {
    await authorize(deps, req, opsTenantsReadPermission);
    res.json(
      await tenants.getDeliverability({
        tenantId: req.params.tenantId,
        range: req.query.range ?? '7d',
      }),
    );
  });

  router.get('/tenants/:tenantId/timeline', async (req, res) => {
    await authorize(deps, req, opsTenantsReadPermission);
    await authorize(deps, req, opsAuditReadPermission);
    res.json(
      await tenants.getTimeline({
        tenantId: req.params.tenantId,
        limit: req.query.limit ?? 100,
      }),
    );
  });
}
