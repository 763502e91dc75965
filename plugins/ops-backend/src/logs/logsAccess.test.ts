import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { OPS_TENANT_RESOURCE_TYPE } from '@opsconsole/backstage-plugin-ops-common';
import { Request } from 'express';
import { TenantDirectory } from '../tenants/TenantDirectory';
import { createLogsAccess } from './logsAccess';

const OWNER = 'user:default/owner';
const ownerOfTenants: PolicyDecision = {
  result: AuthorizeResult.CONDITIONAL,
  pluginId: 'ops',
  resourceType: OPS_TENANT_RESOURCE_TYPE,
  conditions: {
    rule: 'IS_TENANT_OWNER',
    resourceType: OPS_TENANT_RESOURCE_TYPE,
    params: { claims: [OWNER] },
  },
};

function setup(decision: PolicyDecision) {
  const logger = mockServices.logger.mock();
  const catalog = catalogServiceMock.mock({
    getEntities: async () => {
      throw new Error('connect ECONNREFUSED 10.1.2.3:7007 (internal-catalog)');
    },
  });
  const access = createLogsAccess({
    httpAuth: mockServices.httpAuth({
      defaultCredentials: mockCredentials.user(OWNER),
    }),
    permissions: mockServices.permissions.mock({
      authorizeConditional: async () => [decision],
    }),
    // the catalog fails before any tenant is matched against a rule
    permissionsRegistry: mockServices.permissionsRegistry.mock({
      getPermissionRuleset: () => ({ getRuleByName: jest.fn() } as any),
    }),
    tenantDirectory: new TenantDirectory({
      catalog,
      auth: mockServices.auth(),
    }),
    logger,
  });
  return { access: () => access({ headers: {} } as Request), logger };
}

describe('logsAccess', () => {
  it('answers 403 when ops.logs.read is denied', async () => {
    const { access } = setup({ result: AuthorizeResult.DENY });
    await expect(access()).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: 'You are not allowed to ops.logs.read',
    });
  });

  it('reads every record on ALLOW, without asking the catalog', async () => {
    const { access } = setup({ result: AuthorizeResult.ALLOW });
    expect(await access()).toEqual({
      credentials: expect.anything(),
      sources: [],
    });
  });

  it('shows no tenant and a generic degraded source when the catalog fails, logging the cause', async () => {
    const { access, logger } = setup(ownerOfTenants);
    const result = await access();
    expect(result.tenantIds).toEqual([]);
    expect(result.sources).toEqual([
      {
        id: 'tenants:catalog',
        status: 'degraded',
        error:
          'Your tenants could not be listed: the catalog is unavailable; try again later',
      },
    ]);
    expect(JSON.stringify(result.sources)).not.toContain('10.1.2.3');
    expect(logger.error).toHaveBeenCalledWith(
      `Could not list the tenants of ${OWNER} for log access`,
      expect.objectContaining({
        message: 'connect ECONNREFUSED 10.1.2.3:7007 (internal-catalog)',
      }),
    );
  });
});
