/* eslint-disable jest/no-export -- a helper that declares tests for the test files calling it */
import { Server } from 'node:http';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { BackendFeature } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import permissionPlugin from '@backstage/plugin-permission-backend';
import { TenantTier } from '@opsconsole/backstage-plugin-ops-common';
import request from 'supertest';
import { opsPlugin } from '../plugin';
import { ADMIN, PLAIN } from './examplePolicyPermissions';
import { examplePolicyModule, OPS_ADMINS } from './examplePolicyModule';
import { mockAuthWithActorsFactory } from './mockAuthWithActors';

/** Owns tenant `acme` through group `team-acme` (not `globex`). */
export const OWNER = 'user:default/owner';

/** Who calls: nobody, a user (plain, tenant owner, ops admin) or an external service. */
export type Caller = 'none' | 'plain' | 'owner' | 'admin' | 'service';

const ownership: Record<string, string[]> = {
  [ADMIN]: [ADMIN, OPS_ADMINS],
  [OWNER]: [OWNER, 'group:default/team-acme'],
  [PLAIN]: [PLAIN],
};

const tenant = (name: string, owner: string, tier: TenantTier): Entity => ({
  apiVersion: 'opsconsole.io/v1alpha1',
  kind: 'Tenant',
  metadata: { name, namespace: 'default' },
  spec: { owner, tier, region: 'eu', status: 'active' },
});

/**
 * The ops backend behind the real permission backend with the example policy
 * ({@link examplePolicyModule}), so tenant-owner conditions are resolved end to
 * end. The catalog holds tenants `acme` (owned by {@link OWNER}'s group) and
 * `globex`, both of `tier`; `features` are added (modules, service factories).
 */
export async function startOpsWithTenantPolicy(options: {
  tier: TenantTier;
  features?: BackendFeature[];
}): Promise<{ server: Server; stop: () => Promise<void> }> {
  const backend = await startTestBackend({
    features: [
      opsPlugin,
      ...(options.features ?? []),
      permissionPlugin,
      examplePolicyModule,
      permissionsServiceFactory,
      mockAuthWithActorsFactory,
      mockServices.userInfo.mock({
        getUserInfo: async credentials => {
          const ref = (credentials.principal as { userEntityRef: string })
            .userEntityRef;
          return { userEntityRef: ref, ownershipEntityRefs: ownership[ref] };
        },
      }).factory,
      catalogServiceMock.factory({
        entities: [
          tenant('acme', 'team-acme', options.tier),
          tenant('globex', 'group:default/team-globex', options.tier),
        ],
      }),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      mockServices.rootConfig.factory({
        data: { permission: { enabled: true } },
      }),
    ],
  });
  return { server: backend.server, stop: () => backend.stop() };
}

/** A request as `caller` (users are `user:default/<caller>`). */
export function asCaller(caller: Caller) {
  return (req: request.Test) => {
    switch (caller) {
      case 'none':
        return req;
      case 'service':
        return req.set('authorization', mockCredentials.service.header());
      default:
        return req.set(
          'authorization',
          mockCredentials.user.header(`user:default/${caller}`),
        );
    }
  };
}

/** A route of {@link describeCallerMatrix}: the status each caller gets. */
export interface CallerMatrixRoute {
  name: string;
  call: () => request.Test;
  /** Runs before each call (e.g. to reset state the call changes). */
  before?: () => Promise<unknown>;
  expected: Record<Caller, number>;
}

/** One test per route and caller: the caller gets the expected status. */
export function describeCallerMatrix(routes: CallerMatrixRoute[]) {
  describe.each(routes)('$name', ({ call, before, expected }) => {
    it.each(Object.entries(expected) as Array<[Caller, number]>)(
      'as %s: %d',
      async (caller, status) => {
        await before?.();
        const res = await asCaller(caller)(call());
        expect(res.status).toBe(status);
      },
    );
  });
}
