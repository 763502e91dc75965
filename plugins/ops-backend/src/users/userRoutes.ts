import { opsUsersReadPermission } from '@opsconsole/backstage-plugin-ops-common';
import { AuditService } from '../audit/AuditService';
import { OpsRouter, RouteAuth } from '../routerTypes';
import { readWithPii } from './piiReveal';
import { UsersService } from './UsersService';

/** Mounts the user routes of the spec on the ops router. */
export function mountUserRoutes(
  router: OpsRouter,
  deps: RouteAuth & { users: UsersService; audit: AuditService },
) {
  const { users } = deps;

  // before /users/:userId, which would otherwise take "search" for a user id
  router.get('/users/search', async (req, res) => {
    const { q, limit = 50, reveal = false } = req.query;
    res.json(
      await readWithPii(deps, req, {
        permission: opsUsersReadPermission,
        reveal,
        details: { query: q },
        read: r => users.search({ query: q, limit, reveal: r }),
        describeResult: r => ({ userIds: r.users.map(u => u.id) }),
      }),
    );
  });

  router.get('/users/:userId', async (req, res) => {
    const { userId } = req.params;
    res.json(
      await readWithPii(deps, req, {
        permission: opsUsersReadPermission,
        reveal: req.query.reveal ?? false,
        details: { userId },
        read: r => users.getUser({ userId, reveal: r }),
        describeResult: r => ({ tenantId: r.user.tenant.id }),
      }),
    );
  });
}
