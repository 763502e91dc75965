import { Config } from '@backstage/config';
import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import { readOptionalDurationMs } from '../config/readDurationMs';
import { checkTimeoutMs, fetchWithTimeout } from '../http/fetchWithTimeout';

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

/** Query parameters of one request; undefined ones are left out. */
export type PlatformQuery = Record<string, string | number | undefined>;

/** `ops.platform` (`baseUrl`, `token`, `timeout`, `id`); undefined when absent. */
export function readPlatformOptions(
  config: Config,
): PlatformAdminApiClientOptions | undefined {
  const platform = config.getOptionalConfig('ops.platform');
  if (!platform) {
    return undefined;
  }
  return {
    id: platform.getOptionalString('id'),
    baseUrl: platform.getString('baseUrl'),
    token: platform.getString('token'),
    timeoutMs: readOptionalDurationMs(platform, 'timeout'),
  };
}

/**
 * The HTTP requests of the Platform Admin API clients: bearer token,
 * timeout, and errors that name the operation, method, URL and what the
 * platform said (a 404 is a `NotFoundError`; a 503, e.g. the platform's queue
 * backend being unavailable, is a `ServiceUnavailableError`: the source is out).
 */
export class PlatformHttp {
  readonly baseUrl: string;
  readonly #token: string;
  readonly #timeoutMs: number;

  constructor(options: PlatformAdminApiClientOptions) {
    let url: URL;
    try {
      url = new URL(options.baseUrl);
    } catch {
      throw new Error(
        `Platform Admin API baseUrl must be an absolute URL such as http://127.0.0.1:7101/admin-api/v1, got "${options.baseUrl}"`,
      );
    }
    const timeoutMs = checkTimeoutMs(
      'Platform Admin API',
      options.timeoutMs ?? DEFAULT_PLATFORM_TIMEOUT_MS,
    );
    this.baseUrl = url.toString().replace(/\/+$/, '');
    this.#token = options.token;
    this.#timeoutMs = timeoutMs;
  }

  async request(
    operation: string,
    method: 'GET' | 'POST',
    path: string,
    query: PlatformQuery = {},
  ): Promise<{ body: unknown; url: string }> {
    const search = serializePlatformQuery(query);
    const url = `${this.baseUrl}${path}${search ? `?${search}` : ''}`;
    const request = new Request(url, { method });
    const response = await this.fetch(operation, request);
    return { body: await response.json(), url: request.url };
  }

  /**
   * Sends one request of `operation`, the `fetch` of the openapi-fetch
   * client: adds the token and the timeout, throws for an error status and
   * for a 2xx whose body is not JSON, so a resolved answer is always a JSON
   * body.
   */
  async fetch(operation: string, request: Request): Promise<Response> {
    const where = `Platform Admin API ${operation} (${request.method} ${request.url})`;
    const headers = new Headers(request.headers);
    headers.set('accept', 'application/json');
    headers.set('authorization', `Bearer ${this.#token}`);
    const response = await fetchWithTimeout(request.url, {
      description: where,
      timeoutMs: this.#timeoutMs,
      method: request.method,
      headers,
      body: request.body === null ? undefined : await request.arrayBuffer(),
    });
    if (!response.ok) {
      const message = `${where} failed: ${
        response.status
      } ${await errorMessageOf(response)}`;
      if (response.status === 404) {
        throw new NotFoundError(message);
      }
      throw response.status === 503
        ? new ServiceUnavailableError(message)
        : new Error(message);
    }
    // openapi-fetch would throw the parser's bare SyntaxError, which names
    // neither the operation nor the URL.
    const text = await response.text();
    try {
      JSON.parse(text);
    } catch (error) {
      throw new Error(`${where} answered a body that is not JSON`, {
        cause: error,
      });
    }
    return new Response(text, response);
  }
}

/** The query string of `query` without `?`; undefined values are left out. */
export function serializePlatformQuery(query: PlatformQuery): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) {
      search.set(key, String(value));
    }
  }
  return search.toString();
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
