// Request bodies are validated against the spec; variant values are `unknown` there and
// checked against the flag's type by the service (validateFlag), hence the casts.
import {
  CreateFlagRequest,
  FlagPreviewRequest,
  opsFlagsManagePermission,
  opsFlagsReadPermission,
  opsTenantFlagsOverridePermission,
  tenantEntityRef,
  UpdateFlagRequest,
} from '@opsconsole/backstage-plugin-ops-common';
import { AuditService } from '../audit/AuditService';
import { authorize } from '../auth/authorize';
import { OpsRouter, RouteAuth } from '../routerTypes';
import { FlagsService } from './FlagsService';

/** Audit target of flag-wide changes. */
export const flagTargetRef = (key: string) => `flag:default/${key}`;

/** Mounts the feature-flag management routes of the spec on the ops router. */
export function mountFlagsRoutes(
  router: OpsRouter,
  deps: RouteAuth & { flags: FlagsService; audit: AuditService },
) {
  const { flags, audit } = deps;

  router.get('/flags', async (req, res) => {
    await authorize(deps, req, opsFlagsReadPermission);
    res.json(
      await flags.listFlags({
        includeArchived: req.query.includeArchived ?? false,
      }),
    );
  });

  router.post('/flags', async (req, res) => {
    const credentials = await authorize(deps, req, opsFlagsManagePermission);
    const flag = await audit.audited({
      action: 'flag-create',
      request: req,
      credentials,
      targetRef: flagTargetRef(req.body.key),
      details: { flagKey: req.body.key, reason: req.body.reason },
      run: () =>
        flags.createFlag(
          req.body as CreateFlagRequest,
          credentials.principal.userEntityRef,
        ),
      describeResult: after => ({ before: null, after }),
    });
    res.status(201).json(flag);
  });

  router.get('/flags/:key', async (req, res) => {
    await authorize(deps, req, opsFlagsReadPermission);
    res.json(await flags.getFlag(req.params.key));
  });

  router.patch('/flags/:key', async (req, res) => {
    const credentials = await authorize(deps, req, opsFlagsManagePermission);
    const { after } = await audit.audited({
      action: 'flag-update',
      request: req,
      credentials,
      targetRef: flagTargetRef(req.params.key),
      details: {
        flagKey: req.params.key,
        reason: req.body.reason,
        change: req.body.change,
      },
      run: () =>
        flags.updateFlag(
          req.params.key,
          req.body as UpdateFlagRequest,
          credentials.principal.userEntityRef,
        ),
      describeResult: r => ({ before: r.before, after: r.after }),
    });
    res.json(after);
  });

  router.post('/flags/:key/preview', async (req, res) => {
    await authorize(deps, req, opsFlagsReadPermission);
    res.json(
      await flags.preview(req.params.key, req.body as FlagPreviewRequest),
    );
  });

  router.put('/flags/:key/overrides/:tenantId', async (req, res) => {
    const { key, tenantId } = req.params;
    const credentials = await authorize(deps, req, {
      permission: opsTenantFlagsOverridePermission,
      resourceRef: tenantEntityRef(tenantId),
    });
    const { after } = await audit.audited({
      action: 'flag-override-set',
      request: req,
      credentials,
      targetRef: tenantEntityRef(tenantId),
      severityLevel: 'high',
      details: {
        flagKey: key,
        tenantId,
        variant: req.body.variant,
        reason: req.body.reason,
      },
      run: () =>
        flags.setOverride(
          key,
          tenantId,
          req.body,
          credentials.principal.userEntityRef,
        ),
      describeResult: r => ({ before: r.before ?? null, after: r.after }),
    });
    res.json(after!);
  });

  router.delete('/flags/:key/overrides/:tenantId', async (req, res) => {
    const { key, tenantId } = req.params;
    const credentials = await authorize(deps, req, {
      permission: opsTenantFlagsOverridePermission,
      resourceRef: tenantEntityRef(tenantId),
    });
    await audit.audited({
      action: 'flag-override-remove',
      request: req,
      credentials,
      targetRef: tenantEntityRef(tenantId),
      severityLevel: 'high',
      details: { flagKey: key, tenantId, reason: req.query.reason },
      run: () =>
        flags.removeOverride(
          key,
          tenantId,
          req.query.reason,
          credentials.principal.userEntityRef,
        ),
      describeResult: before => ({ before, after: null }),
    });
    res.status(204).end();
  });

  router.get('/tenants/:tenantId/flags', async (req, res) => {
    await authorize(deps, req, opsFlagsReadPermission);
    res.json(await flags.getTenantFlags(req.params.tenantId));
  });
}
