import {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import {
  PlatformAdminApiClient,
  PlatformAdminProvider,
} from '@opsconsole/backstage-plugin-ops-node';

/** The Platform Admin API client configured under `ops.platform`, if any. */
export function configuredPlatforms(deps: {
  config: RootConfigService;
  logger: LoggerService;
}): PlatformAdminProvider[] {
  const client = PlatformAdminApiClient.fromConfig(deps.config, {
    logger: deps.logger,
  });
  return client ? [client] : [];
}
