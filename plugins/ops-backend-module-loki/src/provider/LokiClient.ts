// HTTP client of Loki's query API (docs/sources/reference/loki-http-api.md in grafana/loki).

import {
  checkTimeoutMs,
  fetchWithTimeout,
} from '@opsconsole/backstage-plugin-ops-node';

/** Default timeout of one Loki request. @public */
export const DEFAULT_LOKI_TIMEOUT_MS = 10_000;

/** How to reach Loki. @public */
export interface LokiConnection {
  /** Loki's base URL, e.g. `http://loki:3100` (the API lives under `/loki/api/v1`). */
  baseUrl: string;
  /** Sent as `X-Scope-OrgID` (Loki's multi-tenancy; `a|b` queries several). */
  orgId?: string;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** Sent as `Authorization: Basic ...` (e.g. Grafana Cloud user + access token). */
  basicAuth?: { username: string; password: string };
  /** Timeout of one request in milliseconds. Default 10000. */
  timeoutMs?: number;
}

/** A stream of a `streams` result: its labels and `[<ns>, <line>]` entries. */
export interface LokiStream {
  stream: Record<string, string>;
  values: Array<[string, string]>;
}

/** A series of a `matrix` result: `[<seconds>, "<value>"]` samples, oldest first. */
export interface LokiMatrixSeries {
  metric: Record<string, string>;
  values: Array<[number, string]>;
}

/** A sample of a `vector` result. */
export interface LokiVectorSample {
  metric: Record<string, string>;
  value: [number, string];
}

interface ResultTypes {
  streams: LokiStream;
  matrix: LokiMatrixSeries;
  vector: LokiVectorSample;
}

type Params = Record<string, string | number | bigint | undefined>;

/** Talks to `GET /loki/api/v1/query_range` and `GET /loki/api/v1/query`. */
export class LokiClient {
  readonly #baseUrl: string;
  readonly #headers: Record<string, string>;
  readonly #timeoutMs: number;

  constructor(connection: LokiConnection) {
    let url: URL | undefined;
    try {
      url = new URL(connection.baseUrl);
    } catch {
      url = undefined;
    }
    if (url?.protocol !== 'http:' && url?.protocol !== 'https:') {
      throw new Error(
        `Loki baseUrl must be an absolute http(s) URL such as http://loki:3100, got "${connection.baseUrl}"`,
      );
    }
    const timeoutMs = checkTimeoutMs(
      'Loki',
      connection.timeoutMs ?? DEFAULT_LOKI_TIMEOUT_MS,
    );
    if (connection.token && connection.basicAuth) {
      throw new Error(
        'Loki takes either a bearer token or basic auth, not both',
      );
    }
    this.#baseUrl = url.toString().replace(/\/+$/, '');
    this.#timeoutMs = timeoutMs;
    this.#headers = { accept: 'application/json' };
    if (connection.orgId) this.#headers['x-scope-orgid'] = connection.orgId;
    if (connection.token) {
      this.#headers.authorization = `Bearer ${connection.token}`;
    } else if (connection.basicAuth) {
      const { username, password } = connection.basicAuth;
      this.#headers.authorization = `Basic ${Buffer.from(
        `${username}:${password}`,
      ).toString('base64')}`;
    }
  }

  /** A range query (`/query_range`) that must answer `resultType`. */
  queryRange<T extends keyof ResultTypes>(
    resultType: T,
    params: {
      query: string;
      start: bigint;
      end: bigint;
      limit?: number;
      direction?: 'forward' | 'backward';
      step?: number;
    },
  ): Promise<ResultTypes[T][]> {
    return this.#get('query_range', resultType, params);
  }

  /** An instant query (`/query`) of a metric expression at `time` (ns). */
  query(params: { query: string; time: bigint }): Promise<LokiVectorSample[]> {
    return this.#get('query', 'vector', params);
  }

  async #get<T extends keyof ResultTypes>(
    endpoint: 'query' | 'query_range',
    resultType: T,
    params: Params,
  ): Promise<ResultTypes[T][]> {
    const url = new URL(`${this.#baseUrl}/loki/api/v1/${endpoint}`);
    for (const [key, value] of Object.entries(params)) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    const where = `Loki ${endpoint}`;
    const response = await fetchWithTimeout(url, {
      description: where,
      timeoutMs: this.#timeoutMs,
      headers: this.#headers,
    });
    const text = await response.text().catch(() => '');
    if (!response.ok) {
      throw new Error(
        `${where} failed: ${response.status} ${
          lokiErrorMessage(text) || response.statusText
        }`,
      );
    }
    let body: any;
    try {
      body = JSON.parse(text);
    } catch (error) {
      throw new Error(`${where} answered a body that is not JSON`, {
        cause: error,
      });
    }
    if (body?.status !== 'success') {
      throw new Error(
        `${where} failed: ${lokiErrorMessage(text) || 'status is not success'}`,
      );
    }
    const data = body.data;
    if (data?.resultType !== resultType || !Array.isArray(data.result)) {
      throw new Error(
        `${where} answered resultType ${JSON.stringify(
          data?.resultType,
        )}, expected "${resultType}"`,
      );
    }
    return data.result;
  }
}

/**
 * What Loki said: its errors are plain text (`parse error at line 1, col 2: ...`)
 * or, Prometheus-style, JSON with an `error` field.
 */
function lokiErrorMessage(text: string): string {
  try {
    const body = JSON.parse(text);
    const message = body?.error ?? body?.message;
    if (typeof message === 'string' && message) return message;
  } catch {
    // plain text
  }
  return text.trim().slice(0, 500);
}
