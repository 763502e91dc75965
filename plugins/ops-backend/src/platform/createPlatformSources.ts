import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  PlatformAdminApiClient,
  PlatformAdminProvider,
} from '@opsconsole/backstage-plugin-ops-node';
import { PlatformSources } from './PlatformSources';

/**
 * The platform sources of ops-backend: the built-in Platform Admin API client when
 * `ops.platform` is configured, plus the providers modules added through
 * `opsPlatformProvidersExtensionPoint`.
 */
export function createPlatformSources(options: {
  config: Config;
  logger: LoggerService;
  providers: PlatformAdminProvider[];
}): PlatformSources {
  const builtIn = PlatformAdminApiClient.fromConfig(options.config, {
    logger: options.logger,
  });
  const providers = [...(builtIn ? [builtIn] : []), ...options.providers];
  const ids = providers.map(p => p.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) {
    throw new Error(
      `Two platform providers have the id "${duplicate}"; give each a distinct id (ops.platform.id for the built-in client)`,
    );
  }
  if (providers.length === 0) {
    options.logger.warn(
      'No platform configured (ops.platform) and no platform provider module installed: user search and tenant pages will have no data',
    );
  }
  return new PlatformSources(providers);
}
