import { Server } from 'node:http';
import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { JsonObject } from '@backstage/types';
import { opsReadOnlyPermissions } from '@opsconsole/backstage-plugin-ops-common';
import {
  opsPlatformProvidersExtensionPoint,
  PlatformAdminProvider,
} from '@opsconsole/backstage-plugin-ops-node';
import request from 'supertest';
import { opsPlugin } from '../../plugin';

export const ADMIN = 'user:default/admin';
export const PLAIN = 'user:default/plain';

/** Mirrors the example policy: admins may do everything, other users only read non-PII. */
const permissions = mockServices.permissions.mock({
  authorize: async (requests, options) => {
    const user = (
      options.credentials as BackstageCredentials<BackstageUserPrincipal>
    ).principal.userEntityRef;
    return requests.map(r => ({
      result:
        user === ADMIN ||
        ('permission' in r &&
          opsReadOnlyPermissions.some(p => p.name === r.permission.name))
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
    }));
  },
});

/**
 * The ops backend with platform providers added by a module through
 * `opsPlatformProvidersExtensionPoint`, and `config` as root config.
 */
export async function startOpsWithPlatforms(options: {
  providers?: PlatformAdminProvider[];
  config?: JsonObject;
}): Promise<{ server: Server; stop: () => Promise<void> }> {
  const platformModule = createBackendModule({
    pluginId: 'ops',
    moduleId: 'test-platforms',
    register(env) {
      env.registerInit({
        deps: { platforms: opsPlatformProvidersExtensionPoint },
        async init({ platforms }) {
          platforms.addProvider(...(options.providers ?? []));
        },
      });
    },
  });
  const backend = await startTestBackend({
    features: [
      opsPlugin,
      platformModule,
      catalogServiceMock.factory({ entities: [] }),
      permissions.factory,
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      mockServices.rootConfig.factory({ data: options.config ?? {} }),
    ],
  });
  return { server: backend.server, stop: () => backend.stop() };
}

/** A request as `user` (no credentials when undefined). */
export const as = (user?: string) => (req: request.Test) =>
  user ? req.set('authorization', mockCredentials.user.header(user)) : req;
