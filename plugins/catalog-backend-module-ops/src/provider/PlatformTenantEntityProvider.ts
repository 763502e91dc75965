import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { makeValidator } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { PlatformAdminProvider } from '@opsconsole/backstage-plugin-ops-node';
import {
  readTenantProviderConfig,
  TenantProviderConfig,
} from './tenantProviderConfig';
import { tenantToEntity } from './tenantToEntity';

const { isValidEntityName } = makeValidator();

/** What one refresh did. @public */
export interface TenantRefreshResult {
  /** Tenants applied to the catalog. */
  applied: number;
  /** Ids of tenants left out because they are not valid entity names. */
  skipped: string[];
}

/**
 * Ingests the tenants of one platform (a {@link @opsconsole/backstage-plugin-ops-node#PlatformAdminProvider})
 * into the catalog as Tenant entities, replacing all of them on every scheduled refresh
 * (a `full` mutation). When the platform cannot be read, nothing is applied, so the
 * catalog keeps the tenants of the last successful refresh.
 * @public
 */
export class PlatformTenantEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;
  private readonly logger: LoggerService;

  static fromConfig(
    config: Config,
    deps: {
      platform: PlatformAdminProvider;
      logger: LoggerService;
      scheduler: SchedulerService;
    },
  ): PlatformTenantEntityProvider {
    return new PlatformTenantEntityProvider(
      readTenantProviderConfig(config),
      deps.platform,
      deps.logger,
      deps.scheduler,
    );
  }

  private constructor(
    private readonly config: TenantProviderConfig,
    private readonly platform: PlatformAdminProvider,
    logger: LoggerService,
    private readonly scheduler: SchedulerService,
  ) {
    this.logger = logger.child({ target: this.getProviderName() });
  }

  getProviderName(): string {
    return `ops-tenants:${this.platform.id}`;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    await this.scheduler.scheduleTask({
      id: `${this.getProviderName()}:refresh`,
      ...this.config.schedule,
      // one replica refreshes per round
      scope: this.config.schedule.scope ?? 'global',
      // The scheduler logs a failed run and records it as the task's last error.
      fn: async () => {
        await this.refresh();
      },
    });
  }

  /**
   * Reads the platform's tenants and applies them as a full mutation. Rejects, applying
   * nothing, when the platform cannot be read.
   */
  async refresh(): Promise<TenantRefreshResult> {
    const connection = this.connection;
    if (!connection) {
      throw new Error(
        `${this.getProviderName()} cannot refresh before the catalog has connected it`,
      );
    }
    const started = Date.now();
    let tenants;
    try {
      tenants = await this.platform.listTenants();
    } catch (error) {
      throw new Error(
        `${this.getProviderName()} could not list the tenants of platform "${
          this.platform.id
        }"; the catalog keeps the tenants of the last successful refresh: ${
          (error as Error).message
        }`,
        { cause: error },
      );
    }

    const valid = tenants.filter(t => isValidEntityName(t.id));
    const skipped = tenants
      .filter(t => !isValidEntityName(t.id))
      .map(t => t.id);
    if (skipped.length) {
      this.logger.warn(
        `Skipped ${
          skipped.length
        } tenants whose id is not a valid entity name: ${skipped
          .map(id => JSON.stringify(id))
          .join(', ')}`,
      );
    }

    const locationKey = this.getProviderName();
    await connection.applyMutation({
      type: 'full',
      entities: valid.map(tenant => ({
        locationKey,
        entity: tenantToEntity(tenant, {
          platformId: this.platform.id,
          owner: this.config.owner,
          system: this.config.system,
        }),
      })),
    });
    this.logger.info(
      `Applied ${valid.length} tenants of platform "${this.platform.id}" in ${
        Date.now() - started
      } ms`,
    );
    return { applied: valid.length, skipped };
  }
}
