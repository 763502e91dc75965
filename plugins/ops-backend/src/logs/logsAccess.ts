import {
  BackstageCredentials,
  BackstageUserPrincipal,
  HttpAuthService,
  LoggerService,
  PermissionsRegistryService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { toError } from '@backstage/errors';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { createConditionAuthorizer } from '@backstage/plugin-permission-node';
import {
  getTenantPlatformId,
  opsLogsReadPermission,
  SourceStatus,
} from '@opsconsole/backstage-plugin-ops-common';
import { Request } from 'express';
import { authorizeConditional } from '../auth/authorize';
import { opsTenantPermissionResourceRef } from '../permissions/tenantResource';
import { TenantDirectory } from '../tenants/TenantDirectory';

/** Whose logs a caller may read. */
export interface LogsAccess {
  credentials: BackstageCredentials<BackstageUserPrincipal>;
  /** Undefined: every record. Otherwise only these tenants' records. */
  tenantIds?: string[];
  /** The tenant directory, when it had to be asked and failed. */
  sources: SourceStatus[];
}

export interface LogsAccessDeps {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  permissionsRegistry: PermissionsRegistryService;
  tenantDirectory: TenantDirectory;
  logger: LoggerService;
}

/**
 * `ops.logs.read` is a resource permission on Tenant entities: ALLOW reads every record,
 * DENY is a 403, and a conditional decision (e.g. IS_TENANT_OWNER) is applied to the
 * catalog's Tenant entities, limiting the caller to the tenants that match. When the
 * catalog cannot be read, a conditional caller sees no tenant and `sources` says why.
 */
export function createLogsAccess(deps: LogsAccessDeps) {
  const authorizeTenant = createConditionAuthorizer(
    deps.permissionsRegistry.getPermissionRuleset(
      opsTenantPermissionResourceRef,
    ),
  );

  async function matchingTenants(decision: PolicyDecision) {
    return (await deps.tenantDirectory.listTenants())
      .filter(entity => authorizeTenant(decision, entity))
      .map(getTenantPlatformId)
      .sort();
  }

  return async function logsAccess(
    req: Request<any, any, any, any, any>,
  ): Promise<LogsAccess> {
    const { credentials, decision } = await authorizeConditional(deps, req, {
      permission: opsLogsReadPermission,
    });
    if (decision.result === AuthorizeResult.ALLOW) {
      return { credentials, sources: [] };
    }
    try {
      return {
        credentials,
        tenantIds: await matchingTenants(decision),
        sources: [],
      };
    } catch (error) {
      // the catalog's own error text stays in the log: it may name internal hosts
      deps.logger.error(
        `Could not list the tenants of ${credentials.principal.userEntityRef} for log access`,
        toError(error),
      );
      return {
        credentials,
        tenantIds: [],
        sources: [
          {
            id: 'tenants:catalog',
            status: 'degraded',
            error:
              'Your tenants could not be listed: the catalog is unavailable; try again later',
          },
        ],
      };
    }
  };
}

/** Resolves the caller's access to logs (see {@link createLogsAccess}). */
export type LogsAccessResolver = ReturnType<typeof createLogsAccess>;
