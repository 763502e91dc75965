import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { NotFoundError } from '@backstage/errors';
import type { PlatformAdminApiPaths } from '@opsconsole/backstage-plugin-ops-common';
import createClient, { Client } from 'openapi-fetch';
import {
  PlatformAdminApiClientOptions,
  PlatformHttp,
  PlatformQuery,
  readPlatformOptions,
  serializePlatformQuery,
} from './PlatformHttp';
import {
  DeliverabilityPoint,
  PlatformAdminProvider,
  PlatformFeatureEvaluation,
  PlatformLogin,
  PlatformTenant,
  PlatformUser,
} from '../platform';

/** The `fetch` one operation's request goes through. */
type OperationFetch = (request: Request) => Promise<Response>;

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
  readonly #api: Client<PlatformAdminApiPaths>;

  /**
   * Reads `ops.platform` (`baseUrl`, `token`, `timeout`, `id`); undefined
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
    this.#api = createClient<PlatformAdminApiPaths>({
      baseUrl: this.#http.baseUrl,
      querySerializer: query => serializePlatformQuery(query as PlatformQuery),
    });
    this.id = options.id ?? 'platform';
  }

  async listTenants(): Promise<PlatformTenant[]> {
    return this.#items('listTenants', fetch =>
      this.#api.GET('/tenants', { fetch }),
    );
  }

  async getTenant(tenantId: string): Promise<PlatformTenant | undefined> {
    return this.#getOptional('getTenant', fetch =>
      this.#api.GET('/tenants/{tenantId}', {
        params: { path: { tenantId } },
        fetch,
      }),
    );
  }

  async listTenantUsers(tenantId: string): Promise<PlatformUser[]> {
    return this.#items('listTenantUsers', fetch =>
      this.#api.GET('/tenants/{tenantId}/users', {
        params: { path: { tenantId } },
        fetch,
      }),
    );
  }

  async searchUsers(
    query: string,
    options: { limit?: number } = {},
  ): Promise<PlatformUser[]> {
    return this.#items('searchUsers', fetch =>
      this.#api.GET('/users', {
        params: { query: { q: query, limit: options.limit } },
        fetch,
      }),
    );
  }

  async getUser(userId: string): Promise<PlatformUser | undefined> {
    return this.#getOptional('getUser', fetch =>
      this.#api.GET('/users/{userId}', {
        params: { path: { userId } },
        fetch,
      }),
    );
  }

  async getUserLogins(
    userId: string,
    options: { since?: string; limit?: number } = {},
  ): Promise<PlatformLogin[]> {
    return this.#items('getUserLogins', fetch =>
      this.#api.GET('/users/{userId}/logins', {
        params: {
          path: { userId },
          query: { since: options.since, limit: options.limit },
        },
        fetch,
      }),
    );
  }

  async getDeliverability(options: {
    tenantId?: string;
    from: string;
    to: string;
    intervalSeconds: number;
  }): Promise<DeliverabilityPoint[]> {
    return this.#items('getDeliverability', fetch =>
      this.#api.GET('/deliverability', {
        params: {
          query: {
            tenantId: options.tenantId,
            from: options.from,
            to: options.to,
            interval: options.intervalSeconds,
          },
        },
        fetch,
      }),
    );
  }

  async getFeatureEvaluations(
    tenantId: string,
  ): Promise<PlatformFeatureEvaluation[]> {
    return this.#items('getFeatureEvaluations', fetch =>
      this.#api.GET('/tenants/{tenantId}/feature-evaluations', {
        params: { path: { tenantId } },
        fetch,
      }),
    );
  }

  /** The `items` of a 200 body, checked: the platform is another program. */
  async #items<T>(
    operation: string,
    get: (fetch: OperationFetch) => Promise<{ data?: { items: T[] } }>,
  ): Promise<T[]> {
    let url = '';
    const { data } = await get(request => {
      url = request.url;
      return this.#http.fetch(operation, request);
    });
    const items = data?.items;
    if (!Array.isArray(items)) {
      throw new Error(
        `Platform Admin API ${operation} (GET ${url}) answered without an items array`,
      );
    }
    return items;
  }

  async #getOptional<T>(
    operation: string,
    get: (fetch: OperationFetch) => Promise<{ data?: T }>,
  ): Promise<T | undefined> {
    try {
      const { data } = await get(request =>
        this.#http.fetch(operation, request),
      );
      return data;
    } catch (error) {
      if (error instanceof NotFoundError) {
        return undefined;
      }
      throw error;
    }
  }
}
