import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { NotFoundError } from '@backstage/errors';
import {
  DeliverabilityPoint,
  PlatformAdminProvider,
  PlatformFeatureEvaluation,
  PlatformLogin,
  PlatformTenant,
  PlatformUser,
} from '../platform';

/** Default timeout of one Platform Admin API request. @public */
export const DEFAULT_PLATFORM_TIMEOUT_MS = 5000;

/** @public */
export interface PlatformAdminApiClientOptions {
  /** Provider id shown in `sources` lists. Default `platform`. */
  id?: string;
  /** The API's base URL including `/admin-api/v1`, e.g. `http://127.0.0.1:7101/admin-api/v1`. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <token>`. */
  token: string;
  /** Timeout of one request in milliseconds. Default 5000. */
  timeoutMs?: number;
}

type Query = Record<string, string | number | undefined>;

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
  readonly #baseUrl: string;
  readonly #token: string;
  readonly #timeoutMs: number;

  /**
   * Reads `ops.platform` (`baseUrl`, `token`, `timeoutMs`, `id`); undefined
   * when it is absent.
   */
  static fromConfig(
    config: Config,
    options: { logger?: LoggerService } = {},
  ): PlatformAdminApiClient | undefined {
    const platform = config.getOptionalConfig('ops.platform');
    if (!platform) {
      return undefined;
    }
    const client = new PlatformAdminApiClient({
      id: platform.getOptionalString('id'),
      baseUrl: platform.getString('baseUrl'),
      token: platform.getString('token'),
      timeoutMs: platform.getOptionalNumber('timeoutMs'),
    });
    options.logger?.info(
      `Platform Admin API "${client.id}" at ${client.#baseUrl}`,
    );
    return client;
  }

  constructor(options: PlatformAdminApiClientOptions) {
    let url: URL;
    try {
      url = new URL(options.baseUrl);
    } catch {
      throw new Error(
        `Platform Admin API baseUrl must be an absolute URL such as http://127.0.0.1:7101/admin-api/v1, got "${options.baseUrl}"`,
      );
    }
    const timeoutMs = options.timeoutMs ?? DEFAULT_PLATFORM_TIMEOUT_MS;
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
      throw new Error(
        `Platform Admin API timeoutMs must be a positive number, got ${timeoutMs}`,
      );
    }
    this.id = options.id ?? 'platform';
    this.#baseUrl = url.toString().replace(/\/+$/, '');
    this.#token = options.token;
    this.#timeoutMs = timeoutMs;
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

  async #items<T>(operation: string, path: string, query?: Query) {
    const { body, url } = await this.#get(operation, path, query);
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
      return (await this.#get(operation, path)).body as T;
    } catch (error) {
      if (error instanceof NotFoundError) {
        return undefined;
      }
      throw error;
    }
  }

  async #get(
    operation: string,
    path: string,
    query: Query = {},
  ): Promise<{ body: unknown; url: string }> {
    const url = new URL(`${this.#baseUrl}${path}`);
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined) {
        url.searchParams.set(key, String(value));
      }
    }
    const where = `Platform Admin API ${operation} (GET ${url})`;
    let response: Response;
    try {
      response = await fetch(url, {
        headers: {
          accept: 'application/json',
          authorization: `Bearer ${this.#token}`,
        },
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
    } catch (error) {
      const reason =
        (error as Error).name === 'TimeoutError'
          ? `timed out after ${this.#timeoutMs} ms`
          : describeFetchError(error);
      throw new Error(`${where} failed: ${reason}`, { cause: error });
    }
    if (!response.ok) {
      const message = `${where} failed: ${
        response.status
      } ${await errorMessageOf(response)}`;
      throw response.status === 404
        ? new NotFoundError(message)
        : new Error(message);
    }
    try {
      return { body: await response.json(), url: url.toString() };
    } catch (error) {
      throw new Error(`${where} answered a body that is not JSON`, {
        cause: error,
      });
    }
  }
}

function enc(segment: string): string {
  return encodeURIComponent(segment);
}

function describeFetchError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })
    .cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}

/** `error.message` of a JSON error body, else the start of the body text. */
async function errorMessageOf(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const message = JSON.parse(text)?.error?.message;
    if (typeof message === 'string' && message) {
      return message;
    }
  } catch {
    // not JSON
  }
  return text.slice(0, 200) || response.statusText;
}
