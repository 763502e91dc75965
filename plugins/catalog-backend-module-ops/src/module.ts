import {
  coreServices,
  createBackendModule,
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { PlatformAdminProvider } from '@opsconsole/backstage-plugin-ops-node';
import { configuredPlatforms } from './configuredPlatforms';
import { TenantEntitiesProcessor } from './processor';
import { PlatformTenantEntityProvider } from './provider';

/** Options of {@link createCatalogModuleOpsTenants}. @public */
export interface CatalogModuleOpsTenantsOptions {
  /**
   * The platforms whose tenants become Tenant entities, one entity provider each.
   * Default: the Platform Admin API client configured under `ops.platform`, if any.
   */
  platforms?(deps: {
    config: RootConfigService;
    logger: LoggerService;
  }): PlatformAdminProvider[];
}

/**
 * A catalog module that registers the Tenant kind ({@link TenantEntitiesProcessor}) and
 * ingests the tenants of the given platforms ({@link PlatformTenantEntityProvider}).
 * Use it for platforms other than the Platform Admin API client configured under
 * `ops.platform`; otherwise install {@link catalogModuleOpsTenants}.
 * @public
 */
export function createCatalogModuleOpsTenants(
  options: CatalogModuleOpsTenantsOptions = {},
) {
  const platforms = options.platforms ?? configuredPlatforms;
  return createBackendModule({
    pluginId: 'catalog',
    moduleId: 'ops-tenants',
    register(env) {
      env.registerInit({
        deps: {
          catalog: catalogProcessingExtensionPoint,
          config: coreServices.rootConfig,
          logger: coreServices.logger,
          scheduler: coreServices.scheduler,
        },
        async init({ catalog, config, logger, scheduler }) {
          catalog.addProcessor(new TenantEntitiesProcessor());

          const found = platforms({ config, logger });
          if (found.length === 0) {
            logger.info(
              'No platform to read tenants from (ops.platform is not configured): the Tenant kind is registered, but no tenants are ingested',
            );
            return;
          }
          catalog.addEntityProvider(
            found.map(platform =>
              PlatformTenantEntityProvider.fromConfig(config, {
                platform,
                logger,
                scheduler,
              }),
            ),
          );
        },
      });
    },
  });
}

/**
 * The Tenant kind (`opsconsole.io/v1alpha1`) and the tenants of the Platform Admin API
 * configured under `ops.platform`, ingested on the `catalog.providers.opsTenants.schedule`.
 * @public
 */
export const catalogModuleOpsTenants = createCatalogModuleOpsTenants();
