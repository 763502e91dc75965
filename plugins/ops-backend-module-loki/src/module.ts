import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { opsLogProvidersExtensionPoint } from '@opsconsole/backstage-plugin-ops-node';
import { LokiLogProvider } from './provider/LokiLogProvider';

/**
 * Adds Loki as a log source of the ops plugin when `ops.logs.loki` is configured;
 * does nothing without it.
 * @public
 */
export const opsModuleLoki = createBackendModule({
  pluginId: 'ops',
  moduleId: 'loki',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        logs: opsLogProvidersExtensionPoint,
      },
      async init({ config, logger, logs }) {
        const provider = LokiLogProvider.fromConfig(config, { logger });
        if (provider) {
          logs.addProvider(provider);
        } else {
          logger.info('ops.logs.loki is not configured: Loki logs are off');
        }
      },
    });
  },
});
