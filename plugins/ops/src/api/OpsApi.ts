import { createApiRef } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  AuditEventsQuery,
  AuditPage,
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
  QueueAlertsQuery,
  QueueHistory,
  QueueHistoryQuery,
  QueueOverview,
  QueueOverviewQuery,
  QueueSamples,
  QueueSpikeAlertList,
  ResumeTenantQueuesRequest,
  TenantNotice,
  TenantNoticeList,
  TenantNoticeRequest,
  TenantNoticeTemplateList,
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

/**
 * An entity reference as accepted by {@link OpsApi}: a string such as
 * `component:default/mail-api` or a compound reference.
 *
 * @public
 */
export type OpsEntityRef = string | CompoundEntityRef;

/**
 * Client of the ops backend (`/api/ops`). Its parameters and answers are the
 * types generated from the backend's OpenAPI document (through ops-common).
 *
 * @public
 */
export interface OpsApi {
  /** Current status and 24 h / 7 d / 30 d statistics of every health target. */
  getFleetSummary(): Promise<FleetSummary>;

  /** Current status, checks and recent failures of one entity. */
  getEntityHealth(entityRef: OpsEntityRef): Promise<EntityHealth>;

  /** Probe history of one entity in time buckets. */
  getEntityHistory(
    entityRef: OpsEntityRef,
    options?: { range?: HealthRange },
  ): Promise<EntityHistory>;

  /** Probes the entity now and records the result (needs `ops.health.probe`). */
  probeEntity(entityRef: OpsEntityRef): Promise<ProbeResult>;

  /** Operator actions, newest first (needs `ops.audit.read`). */
  listAuditEvents(options?: AuditEventsQuery): Promise<AuditPage>;

  /** Every flag with its global state and number of overrides (`ops.flags.read`). */
  listFlags(options?: { includeArchived?: boolean }): Promise<FlagList>;

  /** A flag with its tenant overrides and change history (`ops.flags.read`). */
  getFlag(key: string): Promise<FlagDetail>;

  /** Creates a flag (`ops.flags.manage`; audited). */
  createFlag(request: CreateFlagRequest): Promise<Flag>;

  /**
   * Changes a flag's global state: rollout, kill switch, variants, archive
   * (`ops.flags.manage`; reason required; audited).
   */
  updateFlag(key: string, request: UpdateFlagRequest): Promise<Flag>;

  /** How many tenants change answer under a proposed change; stores nothing. */
  previewFlagChange(
    key: string,
    request: FlagPreviewRequest,
  ): Promise<FlagPreview>;

  /**
   * Serves a variant to one tenant whatever the rollout or kill switch
   * (`ops.tenant.flags.override` on the tenant; reason required; audited).
   */
  setFlagOverride(
    key: string,
    tenantId: string,
    request: SetFlagOverrideRequest,
  ): Promise<FlagOverride>;

  /** Removes a tenant's override (`ops.tenant.flags.override`; audited). */
  removeFlagOverride(
    key: string,
    tenantId: string,
    options: { reason: string },
  ): Promise<void>;

  /**
   * The effective value of every flag for a tenant, why, and the last
   * evaluation the console served to it (`ops.flags.read`).
   */
  getTenantFlags(tenantId: string): Promise<TenantFlags>;

  /** The platform's view of one tenant (`ops.tenants.read`). */
  getTenant(
    tenantId: string,
    options?: { reveal?: boolean },
  ): Promise<TenantDetail>;

  /**
   * The users of one tenant (`ops.users.read`); emails masked unless
   * `reveal` (needs `ops.users.pii.read`; audited).
   */
  listTenantUsers(
    tenantId: string,
    options?: { reveal?: boolean },
  ): Promise<TenantUsers>;

  /** The tenant's deliverability against the fleet's (`ops.tenants.read`). */
  getTenantDeliverability(
    tenantId: string,
    options?: { range?: DeliverabilityRange },
  ): Promise<TenantDeliverability>;

  /** What changed for a tenant, newest first (`ops.tenants.read` + `ops.audit.read`). */
  getTenantTimeline(
    tenantId: string,
    options?: { limit?: number },
  ): Promise<TenantTimeline>;

  /**
   * Users of every tenant whose email, name or id contains `query` (at least
   * 2 characters; `ops.users.read`). `reveal` unmasks emails (needs
   * `ops.users.pii.read`; audited).
   */
  searchUsers(options: {
    query: string;
    limit?: number;
    reveal?: boolean;
  }): Promise<UserSearchResult>;

  /** A user's memberships, logins and login pattern (`ops.users.read`). */
  getUser(userId: string, options?: { reveal?: boolean }): Promise<UserDetail>;

  /**
   * Every queue of every source, most anomalous first, with the open spike
   * alerts and the tenant pauses (`ops.queues.read`).
   */
  getQueueOverview(options?: QueueOverviewQuery): Promise<QueueOverview>;

  /** Queue depth and throughput over time, summed over the filter (`ops.queues.read`). */
  getQueueHistory(options?: QueueHistoryQuery): Promise<QueueHistory>;

  /** Spike alerts, open ones by default (`ops.queues.read`). */
  listQueueAlerts(options?: QueueAlertsQuery): Promise<QueueSpikeAlertList>;

  /**
   * Recent jobs of a tenant's queues, redacted, with recipient patterns
   * (`ops.queues.read`). `unredacted` needs
   * `ops.tenant.queue.samples.unredacted` on the tenant and is audited.
   */
  getTenantQueueSamples(
    tenantId: string,
    options?: { limit?: number; unredacted?: boolean },
  ): Promise<QueueSamples>;

  /**
   * Emergency pause of one tenant's queued work; waiting jobs are kept
   * (`ops.tenant.queue.pause` on the tenant; reason required; audited).
   */
  pauseTenantQueues(
    tenantId: string,
    request: PauseTenantQueuesRequest,
  ): Promise<TenantQueuePause>;

  /** Resumes a paused tenant (`ops.tenant.queue.pause`; audited). */
  resumeTenantQueues(
    tenantId: string,
    request: ResumeTenantQueuesRequest,
  ): Promise<TenantQueuePause>;

  /** The notice templates, e.g. "Security Alert". */
  listNoticeTemplates(): Promise<TenantNoticeTemplateList>;

  /** Renders a notice to the tenant's admin without sending it. */
  previewTenantNotice(
    tenantId: string,
    request: TenantNoticeRequest,
  ): Promise<TenantNotice>;

  /**
   * Sends a notice to the tenant's admin (`ops.tenant.notify` on the tenant;
   * audited). Without SMTP the backend captures it (`delivery: 'captured'`).
   */
  sendTenantNotice(
    tenantId: string,
    request: TenantNoticeRequest,
  ): Promise<TenantNotice>;

  /** Notices sent to (or captured for) a tenant, newest first. */
  listTenantNotices(tenantId: string): Promise<TenantNoticeList>;

  /**
   * Log records matching a query, newest first, one page at a time; pass the
   * page's `nextCursor` as `cursor` for the next (older) page (`ops.logs.read`).
   */
  searchLogs(
    options: LogQueryWindow & { limit?: number; cursor?: string },
  ): Promise<LogSearchPage>;

  /** Counts of matching records per level in time buckets (`ops.logs.read`). */
  getLogHistogram(
    options: LogQueryWindow & { buckets?: number },
  ): Promise<LogHistogram>;

  /** The records just before and after one record, in the same service. */
  getLogContext(
    recordId: string,
    options?: { before?: number; after?: number },
  ): Promise<LogContext>;

  /**
   * Records newer than the cursor `after` (oldest first). A long poll: the
   * backend answers as soon as records arrive or after `waitSeconds`.
   */
  tailLogs(options: {
    query?: string;
    after?: string;
    waitSeconds?: number;
    signal?: AbortSignal;
  }): Promise<LogTailPage>;

  /** The most frequent values of a field among matching records. */
  getLogTopValues(
    options: LogQueryWindow & { field: LogTopField; limit?: number },
  ): Promise<LogTopValues>;

  /**
   * Every matching record as an NDJSON or CSV file, up to the backend's
   * export limit (`maxRecords`).
   */
  exportLogs(
    options: LogQueryWindow & { format: LogExportFormat },
  ): Promise<LogExportFile>;
}

/**
 * API reference of {@link OpsApi}.
 *
 * @public
 */
export const opsApiRef = createApiRef<OpsApi>({ id: 'plugin.ops.api' });
