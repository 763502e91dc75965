import { createConfigSecretEnumerator } from '@backstage/backend-defaults/rootConfig';
import { WinstonLogger } from '@backstage/backend-defaults/rootLogger';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { opsSelfLogSinkServiceRef } from '@opsconsole/backstage-plugin-ops-backend';
import { format, transports } from 'winston';

/**
 * Backstage's default root logger (console, `backend.logger.*` config, secrets redacted)
 * plus the Ops Console transport, which stores the backend's own lines in the ops log
 * store when `ops.logs.selfIngest.enabled` is true.
 */
export const rootLoggerServiceFactory = createServiceFactory({
  service: coreServices.rootLogger,
  deps: {
    config: coreServices.rootConfig,
    opsLogs: opsSelfLogSinkServiceRef,
  },
  async factory({ config, opsLogs }) {
    const logger = WinstonLogger.create({
      meta: {
        service: 'backstage',
        ...config.getOptionalConfig('backend.logger.meta')?.get(),
      },
      level:
        process.env.LOG_LEVEL ||
        config.getOptionalString('backend.logger.level') ||
        'info',
      format:
        process.env.NODE_ENV === 'production'
          ? format.combine(format.timestamp(), format.json())
          : WinstonLogger.colorFormat(),
      transports: [new transports.Console(), opsLogs.transport],
    });
    const secrets = await createConfigSecretEnumerator({ logger });
    const allowed = new Set(
      config
        .getOptionalStringArray('backend.logger.redactAllowlist')
        ?.map(s => s.trim()),
    );
    const redact = () => {
      const found = [...secrets(config)].filter(s => !allowed.has(s.trim()));
      logger.addRedactions(found);
      opsLogs.addRedactions(found); // the transport gets fields the printed line redaction misses
    };
    redact();
    config.subscribe?.(redact);
    return logger;
  },
});
