import { parseEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  AuditEvent,
  CreateFlagRequest,
  DeliverabilityRange,
  EntityHealth,
  EntityHistory,
  Flag,
  FlagDetail,
  FlagList,
  FlagOverride,
  FlagPreview,
  FlagPreviewRequest,
  FleetSummary,
  HealthRange,
  LogContext,
  LogHistogram,
  LogSearchPage,
  LogTailPage,
  LogTopField,
  LogTopValues,
  PauseTenantQueuesRequest,
  ProbeResult,
  QueueHistory,
  QueueHistoryRange,
  QueueOverview,
  QueueSamples,
  QueueSpikeAlert,
  TenantNotice,
  TenantNoticeRequest,
  TenantNoticeTemplate,
  TenantQueuePause,
  SetFlagOverrideRequest,
  TenantDeliverability,
  TenantDetail,
  TenantFlags,
  TenantTimeline,
  TenantUsers,
  UpdateFlagRequest,
  UserDetail,
  UserSearchResult,
} from '@opsconsole/backstage-plugin-ops-common';
import { LogExportFile, LogExportFormat, LogQueryWindow } from './logOptions';
import { OpsApi, OpsEntityRef } from './OpsApi';

/**
 * Default {@link OpsApi} implementation: calls the ops backend through the
 * discovery and fetch APIs (so requests carry the user's Backstage token).
 *
 * @public
 */
export class OpsClient implements OpsApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  getFleetSummary(): Promise<FleetSummary> {
    return this.request('/health/fleet');
  }

  getEntityHealth(entityRef: OpsEntityRef): Promise<EntityHealth> {
    return this.request(entityPath(entityRef));
  }

  getEntityHistory(
    entityRef: OpsEntityRef,
    options?: { range?: HealthRange },
  ): Promise<EntityHistory> {
    const query = new URLSearchParams();
    if (options?.range) {
      query.set('range', options.range);
    }
    return this.request(`${entityPath(entityRef)}/history`, query);
  }

  probeEntity(entityRef: OpsEntityRef): Promise<ProbeResult> {
    return this.request(`${entityPath(entityRef)}/probe`, undefined, {
      method: 'POST',
    });
  }

  listAuditEvents(options?: {
    targetRef?: string;
    limit?: number;
  }): Promise<{ events: AuditEvent[] }> {
    const query = new URLSearchParams();
    if (options?.targetRef) {
      query.set('targetRef', options.targetRef);
    }
    if (options?.limit !== undefined) {
      query.set('limit', String(options.limit));
    }
    return this.request('/audit', query);
  }

  listFlags(options?: { includeArchived?: boolean }): Promise<FlagList> {
    return this.request(
      '/flags',
      queryOf({ includeArchived: options?.includeArchived }),
    );
  }

  getFlag(key: string): Promise<FlagDetail> {
    return this.request(flagPath(key));
  }

  createFlag(request: CreateFlagRequest): Promise<Flag> {
    return this.request('/flags', undefined, jsonBody('POST', request));
  }

  updateFlag(key: string, request: UpdateFlagRequest): Promise<Flag> {
    return this.request(flagPath(key), undefined, jsonBody('PATCH', request));
  }

  previewFlagChange(
    key: string,
    request: FlagPreviewRequest,
  ): Promise<FlagPreview> {
    return this.request(
      `${flagPath(key)}/preview`,
      undefined,
      jsonBody('POST', request),
    );
  }

  setFlagOverride(
    key: string,
    tenantId: string,
    request: SetFlagOverrideRequest,
  ): Promise<FlagOverride> {
    return this.request(
      overridePath(key, tenantId),
      undefined,
      jsonBody('PUT', request),
    );
  }

  async removeFlagOverride(
    key: string,
    tenantId: string,
    options: { reason: string },
  ): Promise<void> {
    await this.request(
      overridePath(key, tenantId),
      queryOf({ reason: options.reason }),
      { method: 'DELETE' },
    );
  }

  getTenantFlags(tenantId: string): Promise<TenantFlags> {
    return this.request(`${tenantPath(tenantId)}/flags`);
  }

  getTenant(
    tenantId: string,
    options?: { reveal?: boolean },
  ): Promise<TenantDetail> {
    return this.request(tenantPath(tenantId), revealQuery(options?.reveal));
  }

  listTenantUsers(
    tenantId: string,
    options?: { reveal?: boolean },
  ): Promise<TenantUsers> {
    return this.request(
      `${tenantPath(tenantId)}/users`,
      revealQuery(options?.reveal),
    );
  }

  getTenantDeliverability(
    tenantId: string,
    options?: { range?: DeliverabilityRange },
  ): Promise<TenantDeliverability> {
    return this.request(
      `${tenantPath(tenantId)}/deliverability`,
      queryOf({ range: options?.range }),
    );
  }

  getTenantTimeline(
    tenantId: string,
    options?: { limit?: number },
  ): Promise<TenantTimeline> {
    return this.request(
      `${tenantPath(tenantId)}/timeline`,
      queryOf({ limit: options?.limit }),
    );
  }

  searchUsers(options: {
    query: string;
    limit?: number;
    reveal?: boolean;
  }): Promise<UserSearchResult> {
    return this.request(
      '/users/search',
      queryOf({
        q: options.query,
        limit: options.limit,
        reveal: options.reveal || undefined,
      }),
    );
  }

  getUser(userId: string, options?: { reveal?: boolean }): Promise<UserDetail> {
    return this.request(
      `/users/${encodeURIComponent(userId)}`,
      revealQuery(options?.reveal),
    );
  }

  searchLogs(
    options: LogQueryWindow & { limit?: number; cursor?: string },
  ): Promise<LogSearchPage> {
    return this.request(
      '/logs/search',
      queryOf({
        ...windowParams(options),
        limit: options.limit,
        cursor: options.cursor,
      }),
    );
  }

  getLogHistogram(
    options: LogQueryWindow & { buckets?: number },
  ): Promise<LogHistogram> {
    return this.request(
      '/logs/histogram',
      queryOf({ ...windowParams(options), buckets: options.buckets }),
    );
  }

  getLogContext(
    recordId: string,
    options?: { before?: number; after?: number },
  ): Promise<LogContext> {
    return this.request(
      `/logs/records/${encodeURIComponent(recordId)}/context`,
      queryOf({ before: options?.before, after: options?.after }),
    );
  }

  tailLogs(options: {
    query?: string;
    after?: string;
    waitSeconds?: number;
    signal?: AbortSignal;
  }): Promise<LogTailPage> {
    return this.request(
      '/logs/tail',
      queryOf({
        q: options.query || undefined,
        after: options.after,
        waitSeconds: options.waitSeconds,
      }),
      { signal: options.signal },
    );
  }

  getLogTopValues(
    options: LogQueryWindow & { field: LogTopField; limit?: number },
  ): Promise<LogTopValues> {
    return this.request(
      '/logs/top',
      queryOf({
        ...windowParams(options),
        field: options.field,
        limit: options.limit,
      }),
    );
  }

  async exportLogs(
    options: LogQueryWindow & { format: LogExportFormat },
  ): Promise<LogExportFile> {
    const response = await this.send(
      '/logs/export',
      queryOf({ ...windowParams(options), format: options.format }),
    );
    const limit = Number(response.headers.get('X-Ops-Export-Limit'));
    const file = await response.blob();
    const { records, error } = readExport(await file.text(), options.format);
    return {
      file,
      records,
      ...(Number.isSafeInteger(limit) && limit > 0 && { maxRecords: limit }),
      ...(error !== undefined && { error }),
    };
  }

  getQueueOverview(options?: {
    tenantId?: string;
    source?: string;
  }): Promise<QueueOverview> {
    return this.request(
      '/queues',
      queryOf({ tenantId: options?.tenantId, source: options?.source }),
    );
  }

  getQueueHistory(options?: {
    range?: QueueHistoryRange;
    tenantId?: string;
    queueId?: string;
  }): Promise<QueueHistory> {
    return this.request(
      '/queues/history',
      queryOf({
        range: options?.range,
        tenantId: options?.tenantId,
        queueId: options?.queueId,
      }),
    );
  }

  listQueueAlerts(options?: {
    tenantId?: string;
    status?: 'open' | 'resolved' | 'all';
  }): Promise<{ alerts: QueueSpikeAlert[] }> {
    return this.request(
      '/queues/alerts',
      queryOf({ tenantId: options?.tenantId, status: options?.status }),
    );
  }

  getTenantQueueSamples(
    tenantId: string,
    options?: { limit?: number; unredacted?: boolean },
  ): Promise<QueueSamples> {
    return this.request(
      `${tenantPath(tenantId)}/queues/samples`,
      queryOf({
        limit: options?.limit,
        unredacted: options?.unredacted || undefined,
      }),
    );
  }

  pauseTenantQueues(
    tenantId: string,
    request: PauseTenantQueuesRequest,
  ): Promise<TenantQueuePause> {
    return this.request(
      `${tenantPath(tenantId)}/queues/pause`,
      undefined,
      jsonBody('POST', request),
    );
  }

  resumeTenantQueues(
    tenantId: string,
    request: { reason: string },
  ): Promise<TenantQueuePause> {
    return this.request(
      `${tenantPath(tenantId)}/queues/resume`,
      undefined,
      jsonBody('POST', request),
    );
  }

  listNoticeTemplates(): Promise<{ templates: TenantNoticeTemplate[] }> {
    return this.request('/notices/templates');
  }

  previewTenantNotice(
    tenantId: string,
    request: TenantNoticeRequest,
  ): Promise<TenantNotice> {
    return this.request(
      `${tenantPath(tenantId)}/notices/preview`,
      undefined,
      jsonBody('POST', request),
    );
  }

  sendTenantNotice(
    tenantId: string,
    request: TenantNoticeRequest,
  ): Promise<TenantNotice> {
    return this.request(
      `${tenantPath(tenantId)}/notices`,
      undefined,
      jsonBody('POST', request),
    );
  }

  listTenantNotices(tenantId: string): Promise<{ notices: TenantNotice[] }> {
    return this.request(`${tenantPath(tenantId)}/notices`);
  }

  private async request<T>(
    path: string,
    query?: URLSearchParams,
    init?: RequestInit,
  ): Promise<T> {
    const response = await this.send(path, query, init);
    if (response.status === 204) {
      return undefined as T;
    }
    return (await response.json()) as T;
  }

  /** Fetches an ops backend path; throws a ResponseError unless 2xx. */
  private async send(
    path: string,
    query?: URLSearchParams,
    init?: RequestInit,
  ): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('ops');
    const search = query?.toString();
    const url = `${baseUrl}${path}${search ? `?${search}` : ''}`;
    const response = await this.fetchApi.fetch(url, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
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
function windowParams(
  options: LogQueryWindow,
): Record<string, string | undefined> {
  return {
    q: options.query || undefined,
    from: options.from,
    to: options.to,
  };
}

/** Query parameters of the defined values, in the order given. */
function queryOf(
  params: Record<string, string | number | boolean | undefined>,
): URLSearchParams {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) {
      query.set(name, String(value));
    }
  }
  return query;
}

function revealQuery(reveal: boolean | undefined): URLSearchParams {
  return queryOf({ reveal: reveal || undefined });
}

function jsonBody(method: string, body: unknown): RequestInit {
  return {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  };
}

function flagPath(key: string): string {
  return `/flags/${encodeURIComponent(key)}`;
}

function overridePath(key: string, tenantId: string): string {
  return `${flagPath(key)}/overrides/${encodeURIComponent(tenantId)}`;
}

function tenantPath(tenantId: string): string {
  return `/tenants/${encodeURIComponent(tenantId)}`;
}

function entityPath(entityRef: OpsEntityRef): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `/health/entities/${[kind, namespace, name]
    .map(segment => encodeURIComponent(segment))
    .join('/')}`;
}
