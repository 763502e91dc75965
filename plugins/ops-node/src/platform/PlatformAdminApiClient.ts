import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { NotFoundError } from '@backstage/errors';
import type { PlatformAdminApiPaths } from '@opsconsole/backstage-plugin-ops-common';
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

type Paths = PlatformAdminApiPaths;

/** Read operations, by their path as the contract writes it. */
type GetPath = {
  [P in keyof Paths]: Paths[P]['get'] extends undefined | never ? never : P;
}[keyof Paths];

type GetOperation<P extends GetPath> = NonNullable<Paths[P]['get']>;

type PathParams<P extends GetPath> = GetOperation<P> extends {
  parameters: { path: infer T };
}
  ? T
  : never;

type QueryParams<P extends GetPath> = NonNullable<
  GetOperation<P> extends { parameters: { query?: infer T } } ? T : never
>;

type OkBody<P extends GetPath> = GetOperation<P> extends {
  responses: { 200: { content: { 'application/json': infer B } } };
}
  ? B
  : never;

/** Paths whose 200 body lists `items`. */
type ItemsPath = {
  [P in GetPath]: OkBody<P> extends { items: unknown[] } ? P : never;
}[GetPath];

type Items<P extends GetPath> = OkBody<P> extends { items: infer I }
  ? I
  : never;

/** One GET of the contract: its path template, path parameters and query. */
type GetRequest<P extends GetPath> = {
  path: P;
  query?: QueryParams<P>;
} & ([PathParams<P>] extends [never | undefined]
  ? { params?: undefined }
  : { params: PathParams<P> });

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
    return this.#items('listTenants', { path: '/tenants' });
  }

  async getTenant(tenantId: string): Promise<PlatformTenant | undefined> {
    return this.#getOptional('getTenant', {
      path: '/tenants/{tenantId}',
      params: { tenantId },
    });
  }

  async listTenantUsers(tenantId: string): Promise<PlatformUser[]> {
    return this.#items('listTenantUsers', {
      path: '/tenants/{tenantId}/users',
      params: { tenantId },
    });
  }

  async searchUsers(
    query: string,
    options: { limit?: number } = {},
  ): Promise<PlatformUser[]> {
    return this.#items('searchUsers', {
      path: '/users',
      query: { q: query, limit: options.limit },
    });
  }

  async getUser(userId: string): Promise<PlatformUser | undefined> {
    return this.#getOptional('getUser', {
      path: '/users/{userId}',
      params: { userId },
    });
  }

  async getUserLogins(
    userId: string,
    options: { since?: string; limit?: number } = {},
  ): Promise<PlatformLogin[]> {
    return this.#items('getUserLogins', {
      path: '/users/{userId}/logins',
      params: { userId },
      query: { since: options.since, limit: options.limit },
    });
  }

  async getDeliverability(options: {
    tenantId?: string;
    from: string;
    to: string;
    intervalSeconds: number;
  }): Promise<DeliverabilityPoint[]> {
    return this.#items('getDeliverability', {
      path: '/deliverability',
      query: {
        tenantId: options.tenantId,
        from: options.from,
        to: options.to,
        interval: options.intervalSeconds,
      },
    });
  }

  async getFeatureEvaluations(
    tenantId: string,
  ): Promise<PlatformFeatureEvaluation[]> {
    return this.#items('getFeatureEvaluations', {
      path: '/tenants/{tenantId}/feature-evaluations',
      params: { tenantId },
    });
  }

  async #items<P extends ItemsPath>(
    operation: string,
    request: GetRequest<P>,
  ): Promise<Items<P>> {
    const { body, url } = await this.#get(operation, request);
    const items = (body as { items?: unknown } | undefined)?.items;
    if (!Array.isArray(items)) {
      throw new Error(
        `Platform Admin API ${operation} (GET ${url}) answered without an items array`,
      );
    }
    return items as Items<P>;
  }

  async #getOptional<P extends GetPath>(
    operation: string,
    request: GetRequest<P>,
  ): Promise<OkBody<P> | undefined> {
    try {
      return (await this.#get(operation, request)).body as OkBody<P>;
    } catch (error) {
      if (error instanceof NotFoundError) {
        return undefined;
      }
      throw error;
    }
  }

  #get<P extends GetPath>(operation: string, request: GetRequest<P>) {
    const params: Record<string, string> = request.params ?? {};
    const path = request.path.replace(/\{(\w+)\}/g, (_, name: string) =>
      encodeURIComponent(params[name]),
    );
    return this.#http.request(
      operation,
      'GET',
      path,
      request.query as PlatformQuery | undefined,
    );
  }
}
