// openapi-fetch names its methods after the HTTP verbs (GET, POST...), which are not constructors
/* eslint-disable new-cap */
import { parseEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type { OpsApiPaths } from '@opsconsole/backstage-plugin-ops-common';
import createClient, { Client } from 'openapi-fetch';
import { LogExportFile, LogExportFormat, LogQueryWindow } from './logOptions';
import { OpsApi, OpsEntityRef } from './OpsApi';

type Paths = OpsApiPaths;

/**
 * Default {@link OpsApi} implementation: calls the ops backend through the
 * discovery and fetch APIs (so requests carry the user's Backstage token),
 * typed by the paths generated from the backend's OpenAPI document, so a route
 * or field renamed there fails this client's typecheck.
 *
 * @public
 */
export class OpsClient implements OpsApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;
  private readonly client: Client<Paths>;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
    this.client = createClient<Paths>({
      fetch: request => this.send(request),
      querySerializer: query => searchOf(query).toString(),
    });
  }

  async getFleetSummary(): ReturnType<OpsApi['getFleetSummary']> {
    return dataOf(this.client.GET('/health/fleet', await this.base()));
  }

  async getEntityHealth(
    entityRef: OpsEntityRef,
  ): ReturnType<OpsApi['getEntityHealth']> {
    return dataOf(
      this.client.GET('/health/entities/{kind}/{namespace}/{name}', {
        ...(await this.base()),
        params: { path: entityPath(entityRef) },
      }),
    );
  }

  async getEntityHistory(
    entityRef: OpsEntityRef,
    options?: Parameters<OpsApi['getEntityHistory']>[1],
  ): ReturnType<OpsApi['getEntityHistory']> {
    return dataOf(
      this.client.GET('/health/entities/{kind}/{namespace}/{name}/history', {
        ...(await this.base()),
        params: {
          path: entityPath(entityRef),
          query: options,
        },
      }),
    );
  }

  async probeEntity(
    entityRef: OpsEntityRef,
  ): ReturnType<OpsApi['probeEntity']> {
    return dataOf(
      this.client.POST('/health/entities/{kind}/{namespace}/{name}/probe', {
        ...(await this.base()),
        params: { path: entityPath(entityRef) },
      }),
    );
  }

  async listAuditEvents(
    options?: Parameters<OpsApi['listAuditEvents']>[0],
  ): ReturnType<OpsApi['listAuditEvents']> {
    return dataOf(
      this.client.GET('/audit', {
        ...(await this.base()),
        params: {
          query: { ...options, targetRef: options?.targetRef || undefined },
        },
      }),
    );
  }

  async listFlags(options?: {
    includeArchived?: boolean;
  }): ReturnType<OpsApi['listFlags']> {
    return dataOf(
      this.client.GET('/flags', {
        ...(await this.base()),
        params: { query: options },
      }),
    );
  }

  async getFlag(key: string): ReturnType<OpsApi['getFlag']> {
    return dataOf(
      this.client.GET('/flags/{key}', {
        ...(await this.base()),
        params: { path: { key } },
      }),
    );
  }

  async createFlag(
    request: Parameters<OpsApi['createFlag']>[0],
  ): ReturnType<OpsApi['createFlag']> {
    return dataOf(
      this.client.POST('/flags', { ...(await this.base()), body: request }),
    );
  }

  async updateFlag(
    key: string,
    request: Parameters<OpsApi['updateFlag']>[1],
  ): ReturnType<OpsApi['updateFlag']> {
    return dataOf(
      this.client.PATCH('/flags/{key}', {
        ...(await this.base()),
        params: { path: { key } },
        body: request,
      }),
    );
  }

  async previewFlagChange(
    key: string,
    request: Parameters<OpsApi['previewFlagChange']>[1],
  ): ReturnType<OpsApi['previewFlagChange']> {
    return dataOf(
      this.client.POST('/flags/{key}/preview', {
        ...(await this.base()),
        params: { path: { key } },
        body: request,
      }),
    );
  }

  async setFlagOverride(
    key: string,
    tenantId: string,
    request: Parameters<OpsApi['setFlagOverride']>[2],
  ): ReturnType<OpsApi['setFlagOverride']> {
    return dataOf(
      this.client.PUT('/flags/{key}/overrides/{tenantId}', {
        ...(await this.base()),
        params: { path: { key, tenantId } },
        body: request,
      }),
    );
  }

  async removeFlagOverride(
    key: string,
    tenantId: string,
    options: { reason: string },
  ): Promise<void> {
    await this.client.DELETE('/flags/{key}/overrides/{tenantId}', {
      ...(await this.base()),
      params: { path: { key, tenantId }, query: { reason: options.reason } },
    });
  }

  async getTenantFlags(tenantId: string): ReturnType<OpsApi['getTenantFlags']> {
    return dataOf(
      this.client.GET('/tenants/{tenantId}/flags', {
        ...(await this.base()),
        params: { path: { tenantId } },
      }),
    );
  }

  async getTenant(
    tenantId: string,
    options?: { reveal?: boolean },
  ): ReturnType<OpsApi['getTenant']> {
    return dataOf(
      this.client.GET('/tenants/{tenantId}', {
        ...(await this.base()),
        params: { path: { tenantId }, query: revealQuery(options?.reveal) },
      }),
    );
  }

  async listTenantUsers(
    tenantId: string,
    options?: { reveal?: boolean },
  ): ReturnType<OpsApi['listTenantUsers']> {
    return dataOf(
      this.client.GET('/tenants/{tenantId}/users', {
        ...(await this.base()),
        params: { path: { tenantId }, query: revealQuery(options?.reveal) },
      }),
    );
  }

  async getTenantDeliverability(
    tenantId: string,
    options?: Parameters<OpsApi['getTenantDeliverability']>[1],
  ): ReturnType<OpsApi['getTenantDeliverability']> {
    return dataOf(
      this.client.GET('/tenants/{tenantId}/deliverability', {
        ...(await this.base()),
        params: { path: { tenantId }, query: options },
      }),
    );
  }

  async getTenantTimeline(
    tenantId: string,
    options?: { limit?: number },
  ): ReturnType<OpsApi['getTenantTimeline']> {
    return dataOf(
      this.client.GET('/tenants/{tenantId}/timeline', {
        ...(await this.base()),
        params: { path: { tenantId }, query: options },
      }),
    );
  }

  async searchUsers(
    options: Parameters<OpsApi['searchUsers']>[0],
  ): ReturnType<OpsApi['searchUsers']> {
    return dataOf(
      this.client.GET('/users/search', {
        ...(await this.base()),
        params: {
          query: {
            q: options.query,
            limit: options.limit,
            reveal: options.reveal || undefined,
          },
        },
      }),
    );
  }

  async getUser(
    userId: string,
    options?: { reveal?: boolean },
  ): ReturnType<OpsApi['getUser']> {
    return dataOf(
      this.client.GET('/users/{userId}', {
        ...(await this.base()),
        params: { path: { userId }, query: revealQuery(options?.reveal) },
      }),
    );
  }

  async searchLogs(
    options: LogQueryWindow & { limit?: number; cursor?: string },
  ): ReturnType<OpsApi['searchLogs']> {
    return dataOf(
      this.client.GET('/logs/search', {
        ...(await this.base()),
        params: {
          query: {
            ...windowParams(options),
            limit: options.limit,
            cursor: options.cursor,
          },
        },
      }),
    );
  }

  async getLogHistogram(
    options: LogQueryWindow & { buckets?: number },
  ): ReturnType<OpsApi['getLogHistogram']> {
    return dataOf(
      this.client.GET('/logs/histogram', {
        ...(await this.base()),
        params: {
          query: { ...windowParams(options), buckets: options.buckets },
        },
      }),
    );
  }

  async getLogContext(
    recordId: string,
    options?: { before?: number; after?: number },
  ): ReturnType<OpsApi['getLogContext']> {
    return dataOf(
      this.client.GET('/logs/records/{id}/context', {
        ...(await this.base()),
        params: {
          path: { id: recordId },
          query: options,
        },
      }),
    );
  }

  async tailLogs(
    options: Parameters<OpsApi['tailLogs']>[0],
  ): ReturnType<OpsApi['tailLogs']> {
    // A long poll: the caller's signal ends it when the view closes or the query changes
    return dataOf(
      this.client.GET('/logs/tail', {
        ...(await this.base()),
        params: {
          query: {
            q: options.query || undefined,
            after: options.after,
            waitSeconds: options.waitSeconds,
          },
        },
        signal: options.signal,
      }),
    );
  }

  async getLogTopValues(
    options: Parameters<OpsApi['getLogTopValues']>[0],
  ): ReturnType<OpsApi['getLogTopValues']> {
    return dataOf(
      this.client.GET('/logs/top', {
        ...(await this.base()),
        params: {
          query: {
            ...windowParams(options),
            field: options.field,
            limit: options.limit,
          },
        },
      }),
    );
  }

  async exportLogs(
    options: LogQueryWindow & { format: LogExportFormat },
  ): Promise<LogExportFile> {
    const { data: file, response } = await this.client.GET('/logs/export', {
      ...(await this.base()),
      params: { query: { ...windowParams(options), format: options.format } },
      parseAs: 'blob',
    });
    const limit = Number(response.headers.get('X-Ops-Export-Limit'));
    const body = file ?? new Blob([]);
    const { records, error } = readExport(await body.text(), options.format);
    return {
      file: body,
      records,
      ...(Number.isSafeInteger(limit) && limit > 0 && { maxRecords: limit }),
      ...(error !== undefined && { error }),
    };
  }

  async getQueueOverview(
    options?: Parameters<OpsApi['getQueueOverview']>[0],
  ): ReturnType<OpsApi['getQueueOverview']> {
    return dataOf(
      this.client.GET('/queues', {
        ...(await this.base()),
        params: { query: options },
      }),
    );
  }

  async getQueueHistory(
    options?: Parameters<OpsApi['getQueueHistory']>[0],
  ): ReturnType<OpsApi['getQueueHistory']> {
    return dataOf(
      this.client.GET('/queues/history', {
        ...(await this.base()),
        params: { query: options },
      }),
    );
  }

  async listQueueAlerts(
    options?: Parameters<OpsApi['listQueueAlerts']>[0],
  ): ReturnType<OpsApi['listQueueAlerts']> {
    return dataOf(
      this.client.GET('/queues/alerts', {
        ...(await this.base()),
        params: { query: options },
      }),
    );
  }

  async getTenantQueueSamples(
    tenantId: string,
    options?: { limit?: number; unredacted?: boolean },
  ): ReturnType<OpsApi['getTenantQueueSamples']> {
    return dataOf(
      this.client.GET('/tenants/{tenantId}/queues/samples', {
        ...(await this.base()),
        params: {
          path: { tenantId },
          query: { ...options, unredacted: options?.unredacted || undefined },
        },
      }),
    );
  }

  async pauseTenantQueues(
    tenantId: string,
    request: Parameters<OpsApi['pauseTenantQueues']>[1],
  ): ReturnType<OpsApi['pauseTenantQueues']> {
    return dataOf(
      this.client.POST('/tenants/{tenantId}/queues/pause', {
        ...(await this.base()),
        params: { path: { tenantId } },
        body: request,
      }),
    );
  }

  async resumeTenantQueues(
    tenantId: string,
    request: Parameters<OpsApi['resumeTenantQueues']>[1],
  ): ReturnType<OpsApi['resumeTenantQueues']> {
    return dataOf(
      this.client.POST('/tenants/{tenantId}/queues/resume', {
        ...(await this.base()),
        params: { path: { tenantId } },
        body: request,
      }),
    );
  }

  async listNoticeTemplates(): ReturnType<OpsApi['listNoticeTemplates']> {
    return dataOf(this.client.GET('/notices/templates', await this.base()));
  }

  async previewTenantNotice(
    tenantId: string,
    request: Parameters<OpsApi['previewTenantNotice']>[1],
  ): ReturnType<OpsApi['previewTenantNotice']> {
    return dataOf(
      this.client.POST('/tenants/{tenantId}/notices/preview', {
        ...(await this.base()),
        params: { path: { tenantId } },
        body: request,
      }),
    );
  }

  async sendTenantNotice(
    tenantId: string,
    request: Parameters<OpsApi['sendTenantNotice']>[1],
  ): ReturnType<OpsApi['sendTenantNotice']> {
    return dataOf(
      this.client.POST('/tenants/{tenantId}/notices', {
        ...(await this.base()),
        params: { path: { tenantId } },
        body: request,
      }),
    );
  }

  async listTenantNotices(
    tenantId: string,
  ): ReturnType<OpsApi['listTenantNotices']> {
    return dataOf(
      this.client.GET('/tenants/{tenantId}/notices', {
        ...(await this.base()),
        params: { path: { tenantId } },
      }),
    );
  }

  /** The ops backend's base URL, looked up per request (it may move). */
  private async base(): Promise<{ baseUrl: string }> {
    return { baseUrl: await this.discoveryApi.getBaseUrl('ops') };
  }

  /** Fetches with the user's token; throws a ResponseError unless 2xx. */
  private async send(request: Request): Promise<Response> {
    // Backstage's fetch middlewares build a new Request from what they are given, some more
    // than once, and a Request whose body is a stream can be copied only once: hand them
    // the URL and plain init instead.
    const body = request.body ? await request.text() : undefined;
    const response = await this.fetchApi.fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body,
      signal: request.signal,
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}

/**
 * The answer's body: the client's fetch throws for anything but 2xx, so only a
 * 204 leaves it undefined.
 */
async function dataOf<T>(pending: Promise<{ data?: T }>): Promise<T> {
  return (await pending).data as T;
}

/**
 * How many records an export holds, and the error that ended an NDJSON export
 * part-way (its last line `{"error": "..."}`). A CSV record ends at a line break
 * outside quotes; the first line is the header.
 */
function readExport(
  text: string,
  format: LogExportFormat,
): { records: number; error?: string } {
  if (format === 'csv') {
    let rows = 0;
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 34) quoted = !quoted;
      else if (c === 10 && !quoted) rows++;
    }
    return { records: Math.max(0, rows - 1) };
  }
  const lines = text.split('\n').filter(line => line.trim() !== '');
  const error = exportError(lines[lines.length - 1]);
  return error === undefined
    ? { records: lines.length }
    : { records: lines.length - 1, error };
}

function exportError(line: string | undefined): string | undefined {
  try {
    const value = JSON.parse(line ?? '');
    return typeof value?.error === 'string' && Object.keys(value).length === 1
      ? value.error
      : undefined;
  } catch {
    return undefined;
  }
}

/** `q`, `from` and `to` of a log query; an empty query is left out. */
function windowParams(options: LogQueryWindow) {
  return {
    q: options.query || undefined,
    from: options.from,
    to: options.to,
  };
}

/**
 * Query parameters of the defined values, in the order given, encoded as forms
 * encode them (`+` for spaces), which the backend's reserved-character-friendly
 * parameters expect.
 */
function searchOf(params: unknown): URLSearchParams {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params ?? {})) {
    if (value !== undefined && value !== null) {
      query.set(name, String(value));
    }
  }
  return query;
}

function revealQuery(reveal: boolean | undefined) {
  return { reveal: reveal || undefined };
}

function entityPath(entityRef: OpsEntityRef) {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return { kind, namespace, name };
}
