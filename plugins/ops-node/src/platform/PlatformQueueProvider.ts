import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { NotFoundError } from '@backstage/errors';
import { QueueJobState } from '@opsconsole/backstage-plugin-ops-common';
import { QueueJob, QueueProvider, QueueSnapshot } from '../queues';
import {
  PlatformAdminApiClientOptions,
  PlatformHttp,
  readPlatformOptions,
} from './PlatformHttp';

/**
 * The built-in {@link QueueProvider}: a platform's queues through the
 * Platform Admin API (tag `queues` of
 * `@opsconsole/backstage-plugin-ops-common/platform-admin-api.yaml`), with
 * the same configuration, timeout and errors as `PlatformAdminApiClient`.
 * A tenant the platform does not know holds no queue: no jobs, and pause or
 * resume answer false.
 *
 * @public
 */
export class PlatformQueueProvider implements QueueProvider {
  readonly id: string;
  readonly #http: PlatformHttp;

  /** Reads `ops.platform` like `PlatformAdminApiClient.fromConfig`; undefined when absent. */
  static fromConfig(
    config: Config,
    options: { logger?: LoggerService } = {},
  ): PlatformQueueProvider | undefined {
    const platform = readPlatformOptions(config);
    if (!platform) {
      return undefined;
    }
    const provider = new PlatformQueueProvider(platform);
    options.logger?.info(
      `queues of platform "${provider.id}" at ${provider.#http.baseUrl}`,
    );
    return provider;
  }

  constructor(options: PlatformAdminApiClientOptions) {
    this.#http = new PlatformHttp(options);
    this.id = options.id ?? 'platform';
  }

  async listQueues(): Promise<QueueSnapshot[]> {
    return this.#list<QueueSnapshot>('listQueues', '/queues', 'queues');
  }

  async listTenantJobs(
    tenantId: string,
    options: { limit: number; states?: QueueJobState[] },
  ): Promise<QueueJob[]> {
    return this.#unlessNotFound(
      () =>
        this.#list<QueueJob>(
          'listTenantQueueJobs',
          `/tenants/${encodeURIComponent(tenantId)}/queue-jobs`,
          'jobs',
          {
            limit: options.limit,
            state: options.states?.length
              ? options.states.join(',')
              : undefined,
          },
        ),
      [],
    );
  }

  async pauseTenant(tenantId: string): Promise<boolean> {
    return this.#unlessNotFound(
      () => this.#post('pauseTenantQueues', tenantId, 'pause'),
      false,
    );
  }

  async resumeTenant(tenantId: string): Promise<boolean> {
    return this.#unlessNotFound(
      () => this.#post('resumeTenantQueues', tenantId, 'resume'),
      false,
    );
  }

  async #post(operation: string, tenantId: string, action: string) {
    await this.#http.request(
      operation,
      'POST',
      `/tenants/${encodeURIComponent(tenantId)}/queues/${action}`,
    );
    return true;
  }

  async #list<T>(
    operation: string,
    path: string,
    key: string,
    query?: Record<string, string | number | undefined>,
  ): Promise<T[]> {
    const { body, url } = await this.#http.request(
      operation,
      'GET',
      path,
      query,
    );
    const list = (body as Record<string, unknown> | undefined)?.[key];
    if (!Array.isArray(list)) {
      throw new Error(
        `Platform Admin API ${operation} (GET ${url}) answered without a ${key} array`,
      );
    }
    return list as T[];
  }

  async #unlessNotFound<T>(fn: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof NotFoundError) {
        return fallback;
      }
      throw error;
    }
  }
}
