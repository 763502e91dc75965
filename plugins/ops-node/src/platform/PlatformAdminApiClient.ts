import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { NotFoundError } from '@backstage/errors';
import {
  PlatformAdminApiClientOptions,
  PlatformHttp,
  PlatformQuery,
  readPlatformOptions,
} from './PlatformHttp';
import {
  DeliverabilityPoint,
  PlatformAdminProvider,
  PlatformFeatureEvaluation,
  PlatformLogin,
  PlatformTenant,
  PlatformUser,
} from '../platform';

export {
  DEFAULT_PLATFORM_TIMEOUT_MS,
  type PlatformAdminApiClientOptions,
} from './PlatformHttp';

/**
 * HTTP client of the Platform Admin API
 * (`@opsconsole/backstage-plugin-ops-common/platform-admin-api.yaml`): the
 * built-in {@link PlatformAdminProvider}.
 *
 * `getTenant` and `getUser` answer `undefined` for a 404; other operations
 * throw a `NotFoundError` for it. Any other failure (status, network,
 * timeout) throws an `Error` naming the operation, the URL and what the
 * platform said.
 *
 * @public
 */
export class PlatformAdminApiClient implements PlatformAdminProvider {
  readonly id: string;
  readonly #http: PlatformHttp;

  /**
   * Reads `ops.platform` (`baseUrl`, `token`, `timeoutMs`, `id`); undefined
   * when it is absent.
   */
  static fromConfig(
    config: Config,
    options: { logger?: LoggerService } = {},
  ): PlatformAdminApiClient | undefined {
    const platform = readPlatformOptions(config);
    if (!platform) {
      return undefined;
    }
    const client = new PlatformAdminApiClient(platform);
    options.logger?.info(
      `Platform Admin API "${client.id}" at ${client.#http.baseUrl}`,
    );
    return client;
  }

  constructor(options: PlatformAdminApiClientOptions) {
    this.#http = new PlatformHttp(options);
    this.id = options.id ?? 'platform';
  }

  async listTenants(): Promise<PlatformTenant[]> {
    return this.#items('listTenants', '/tenants');
  }

  async getTenant(tenantId: string): Promise<PlatformTenant | undefined> {
    return this.#getOptional('getTenant', `/tenants/${enc(tenantId)}`);
  }

  async listTenantUsers(tenantId: string): Promise<PlatformUser[]> {
    return this.#items('listTenantUsers', `/tenants/${enc(tenantId)}/users`);
  }

  async searchUsers(
    query: string,
    options: { limit?: number } = {},
  ): Promise<PlatformUser[]> {
    return this.#items('searchUsers', '/users', {
      q: query,
      limit: options.limit,
    });
  }

  async getUser(userId: string): Promise<PlatformUser | undefined> {
    return this.#getOptional('getUser', `/users/${enc(userId)}`);
  }

  async getUserLogins(
    userId: string,
    options: { since?: string; limit?: number } = {},
  ): Promise<PlatformLogin[]> {
    return this.#items('getUserLogins', `/users/${enc(userId)}/logins`, {
      since: options.since,
      limit: options.limit,
    });
  }

  async getDeliverability(options: {
    tenantId?: string;
    from: string;
    to: string;
    intervalSeconds: number;
  }): Promise<DeliverabilityPoint[]> {
    return this.#items('getDeliverability', '/deliverability', {
      tenantId: options.tenantId,
      from: options.from,
      to: options.to,
      interval: options.intervalSeconds,
    });
  }

  async getFeatureEvaluations(
    tenantId: string,
  ): Promise<PlatformFeatureEvaluation[]> {
    return this.#items(
      'getFeatureEvaluations',
      `/tenants/${enc(tenantId)}/feature-evaluations`,
    );
  }

  async #items<T>(operation: string, path: string, query?: PlatformQuery) {
    const { body, url } = await this.#http.request(
      operation,
      'GET',
      path,
      query,
    );
    const items = (body as { items?: unknown } | undefined)?.items;
    if (!Array.isArray(items)) {
      throw new Error(
        `Platform Admin API ${operation} (GET ${url}) answered without an items array`,
      );
    }
    return items as T[];
  }

  async #getOptional<T>(operation: string, path: string) {
    try {
      return (await this.#http.request(operation, 'GET', path)).body as T;
    } catch (error) {
      if (error instanceof NotFoundError) {
        return undefined;
      }
      throw error;
    }
  }
}

function enc(segment: string): string {
  return encodeURIComponent(segment);
}
