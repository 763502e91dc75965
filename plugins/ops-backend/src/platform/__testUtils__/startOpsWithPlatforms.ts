import { Server } from 'node:http';
import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Entity } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
import {
  opsPlatformProvidersExtensionPoint,
  opsQueueProvidersExtensionPoint,
  PlatformAdminProvider,
  QueueProvider,
} from '@opsconsole/backstage-plugin-ops-node';
import { examplePolicyPermissionsMock } from '../../__testUtils__/examplePolicyPermissions';
import { opsPlugin } from '../../plugin';

/**
 * The ops backend with platform providers added by a module through
 * `opsPlatformProvidersExtensionPoint` (and queue providers through
 * `opsQueueProvidersExtensionPoint`), catalog `entities`, and `config` as root config.
 */
export async function startOpsWithPlatforms(options: {
  providers?: PlatformAdminProvider[];
  queueProviders?: QueueProvider[];
  entities?: Entity[];
  config?: JsonObject;
}): Promise<{ server: Server; stop: () => Promise<void> }> {
  const platformModule = createBackendModule({
    pluginId: 'ops',
    moduleId: 'test-platforms',
    register(env) {
      env.registerInit({
        deps: {
          platforms: opsPlatformProvidersExtensionPoint,
          queues: opsQueueProvidersExtensionPoint,
        },
        async init({ platforms, queues }) {
          platforms.addProvider(...(options.providers ?? []));
          queues.addProvider(...(options.queueProviders ?? []));
        },
      });
    },
  });
  const backend = await startTestBackend({
    features: [
      opsPlugin,
      platformModule,
      catalogServiceMock.factory({ entities: options.entities ?? [] }),
      examplePolicyPermissionsMock().factory,
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      mockServices.rootConfig.factory({ data: options.config ?? {} }),
    ],
  });
  return { server: backend.server, stop: () => backend.stop() };
}
