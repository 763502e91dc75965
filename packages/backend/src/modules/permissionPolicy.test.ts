import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import {
  opsAuditReadPermission,
  opsFlagsEvaluatePermission,
  opsFlagsManagePermission,
  opsFlagsReadPermission,
  opsHealthProbePermission,
  opsHealthReadPermission,
  opsLogsIngestPermission,
  opsLogsReadPermission,
  opsQueuesReadPermission,
  opsTenantFlagsOverridePermission,
  opsTenantNotifyPermission,
  opsTenantQueuePausePermission,
  opsTenantQueueSamplesUnredactedPermission,
} from '@opsconsole/backstage-plugin-ops-common';
import { OpsExamplePermissionPolicy } from './permissionPolicy';

describe('OpsExamplePermissionPolicy', () => {
  const userInfo = mockServices.userInfo.mock({
    getUserInfo: async credentials => {
      const ref = (credentials.principal as { userEntityRef: string })
        .userEntityRef;
      return {
        userEntityRef: ref,
        ownershipEntityRefs:
          ref === 'user:default/guest'
            ? [ref, 'group:default/ops-admins']
            : [ref, 'group:default/platform-team'],
      };
    },
  });
  const policy = new OpsExamplePermissionPolicy(userInfo);
  const as = (ref: string) => ({
    credentials: mockCredentials.user(ref),
    info: { userEntityRef: ref, ownershipEntityRefs: [] },
  });

  it.each([
    [opsHealthReadPermission, 'user:default/guest', AuthorizeResult.ALLOW],
    [opsHealthProbePermission, 'user:default/guest', AuthorizeResult.ALLOW],
    [opsAuditReadPermission, 'user:default/guest', AuthorizeResult.ALLOW],
    [opsHealthReadPermission, 'user:default/viewer', AuthorizeResult.ALLOW],
    [opsHealthProbePermission, 'user:default/viewer', AuthorizeResult.DENY],
    [opsAuditReadPermission, 'user:default/viewer', AuthorizeResult.DENY],
    [opsFlagsReadPermission, 'user:default/viewer', AuthorizeResult.ALLOW],
    [opsFlagsManagePermission, 'user:default/viewer', AuthorizeResult.DENY],
    [opsFlagsManagePermission, 'user:default/guest', AuthorizeResult.ALLOW],
    [opsFlagsEvaluatePermission, 'user:default/viewer', AuthorizeResult.DENY],
    [
      opsTenantFlagsOverridePermission,
      'user:default/guest',
      AuthorizeResult.ALLOW,
    ],
  ])('%o for %s is %s', async (permission, user, expected) => {
    expect((await policy.handle({ permission }, as(user))).result).toBe(
      expected,
    );
  });

  it('lets non-admins override flags only of tenants they own (IS_TENANT_OWNER)', async () => {
    expect(
      await policy.handle(
        { permission: opsTenantFlagsOverridePermission },
        as('user:default/viewer'),
      ),
    ).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'ops',
      resourceType: 'ops-tenant',
      conditions: {
        rule: 'IS_TENANT_OWNER',
        resourceType: 'ops-tenant',
        params: {
          claims: ['user:default/viewer', 'group:default/platform-team'],
        },
      },
    });
  });

  it.each([opsTenantQueuePausePermission, opsTenantNotifyPermission])(
    'lets non-admins take %o only on tenants they own (IS_TENANT_OWNER)',
    async permission => {
      expect(
        await policy.handle({ permission }, as('user:default/viewer')),
      ).toMatchObject({
        result: AuthorizeResult.CONDITIONAL,
        resourceType: 'ops-tenant',
        conditions: { rule: 'IS_TENANT_OWNER' },
      });
    },
  );

  it.each([
    [opsQueuesReadPermission, 'user:default/viewer', AuthorizeResult.ALLOW],
    [
      opsTenantQueueSamplesUnredactedPermission,
      'user:default/viewer',
      AuthorizeResult.DENY,
    ],
    [
      opsTenantQueueSamplesUnredactedPermission,
      'user:default/guest',
      AuthorizeResult.ALLOW,
    ],
    [
      opsTenantQueuePausePermission,
      'user:default/guest',
      AuthorizeResult.ALLOW,
    ],
  ])('queues: %o for %s is %s', async (permission, user, expected) => {
    expect((await policy.handle({ permission }, as(user))).result).toBe(
      expected,
    );
  });

  it('logs: ops admins read every log, others only their tenants (IS_TENANT_OWNER)', async () => {
    expect(
      (
        await policy.handle(
          { permission: opsLogsReadPermission },
          as('user:default/guest'),
        )
      ).result,
    ).toBe(AuthorizeResult.ALLOW);
    expect(
      await policy.handle(
        { permission: opsLogsReadPermission },
        as('user:default/viewer'),
      ),
    ).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'ops',
      resourceType: 'ops-tenant',
      conditions: {
        rule: 'IS_TENANT_OWNER',
        resourceType: 'ops-tenant',
        params: {
          claims: ['user:default/viewer', 'group:default/platform-team'],
        },
      },
    });
  });

  it('lets services ingest logs, and users not', async () => {
    const service = {
      credentials: mockCredentials.service('external:otel-collector'),
      info: { userEntityRef: '', ownershipEntityRefs: [] },
    };
    expect(
      (await policy.handle({ permission: opsLogsIngestPermission }, service))
        .result,
    ).toBe(AuthorizeResult.ALLOW);
    expect(
      (
        await policy.handle(
          { permission: opsLogsIngestPermission },
          as('user:default/viewer'),
        )
      ).result,
    ).toBe(AuthorizeResult.DENY);
  });

  it('lets services evaluate flags (and ingest logs, above) and nothing else', async () => {
    const service = {
      credentials: mockCredentials.service('external:example-platform'),
      info: { userEntityRef: '', ownershipEntityRefs: [] },
    };
    expect(
      (await policy.handle({ permission: opsFlagsEvaluatePermission }, service))
        .result,
    ).toBe(AuthorizeResult.ALLOW);
    expect(
      (await policy.handle({ permission: opsFlagsReadPermission }, service))
        .result,
    ).toBe(AuthorizeResult.DENY);
  });

  it('denies ops permissions without a user and leaves other plugins permissive', async () => {
    expect(
      (await policy.handle({ permission: opsHealthReadPermission })).result,
    ).toBe(AuthorizeResult.DENY);
    const other = createPermission({
      name: 'catalog.entity.read',
      attributes: { action: 'read' },
    });
    expect(
      (await policy.handle({ permission: other }, as('user:default/viewer')))
        .result,
    ).toBe(AuthorizeResult.ALLOW);
  });
});
