import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { opsQueueProvidersExtensionPoint } from '@opsconsole/backstage-plugin-ops-node';
import { BullMqQueueProvider } from './BullMqQueueProvider';

/**
 * Adds BullMQ queues in Redis (`ops.queues.bullmq`) as a queue source of the ops backend.
 * @public
 */
export const opsModuleBullMq = createBackendModule({
  pluginId: 'ops',
  moduleId: 'bullmq',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        lifecycle: coreServices.lifecycle,
        queueProviders: opsQueueProvidersExtensionPoint,
      },
      async init({ config, logger, lifecycle, queueProviders }) {
        const provider = BullMqQueueProvider.fromConfig(config, { logger });
        if (!provider) {
          logger.info(
            'ops.queues.bullmq is not configured: no BullMQ queue source',
          );
          return;
        }
        queueProviders.addProvider(provider);
        lifecycle.addShutdownHook(() => provider.close());
        logger.info(`BullMQ queue source "${provider.id}" added`);
      },
    });
  },
});
