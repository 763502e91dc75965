import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import {
  opsAuditReadPermission,
  opsHealthProbePermission,
  opsHealthReadPermission,
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
  ])('%o for %s is %s', async (permission, user, expected) => {
    expect((await policy.handle({ permission }, as(user))).result).toBe(
      expected,
    );
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
