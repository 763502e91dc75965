import { everyValue } from '../schema/everyValue';
// The ops API's queue and notice resources under the names the code uses; the shapes are
// generated from plugins/ops-backend/src/schema/openapi.yaml.

import type { OpsApiComponents, OpsApiQuery } from '../schema';

type Schemas = OpsApiComponents['schemas'];

/** @public */
export type QueueJobState = Schemas['QueueJobState'];

/** Job states a queue counts. @public */
export const QUEUE_JOB_STATES = everyValue<QueueJobState>()([
  'waiting',
  'active',
  'delayed',
  'failed',
  'completed',
] as const);

/** Jobs per state, as the source reports them now. @public */
export type QueueCounts = Schemas['QueueCounts'];

/** Severity of an alert; a spike's severity follows the tenant's tier. @public */
export type OpsAlertSeverity = Schemas['AlertSeverity'];

/** A spike in one tenant's enqueue rate against its own baseline. @public */
export type QueueSpikeAlert = Schemas['QueueSpikeAlert'];

/** The emergency pause of one tenant's work. @public */
export type TenantQueuePause = Schemas['TenantQueuePause'];

/** One queue in the overview. @public */
export type QueueSummary = Schemas['QueueSummary'];

/** Answer of `GET /queues`. @public */
export type QueueOverview = Schemas['QueueOverview'];

/** Query of `GET /queues`. @public */
export type QueueOverviewQuery = OpsApiQuery<'GetQueueOverview'>;

/** Answer of `GET /queues/alerts`. @public */
export type QueueSpikeAlertList = Schemas['QueueSpikeAlertList'];

/** Query of `GET /queues/alerts`. @public */
export type QueueAlertsQuery = OpsApiQuery<'GetQueueAlerts'>;

/** @public */
export type QueueHistoryRange = Schemas['QueueHistoryRange'];

/** @public */
export const QUEUE_HISTORY_RANGES = everyValue<QueueHistoryRange>()([
  '1h',
  '24h',
  '7d',
] as const);

/** One bucket of queue history (sampled by the console into its database). @public */
export type QueueHistoryPoint = Schemas['QueueHistoryPoint'];

/** Answer of `GET /queues/history`. @public */
export type QueueHistory = Schemas['QueueHistory'];

/** Query of `GET /queues/history`. @public */
export type QueueHistoryQuery = OpsApiQuery<'GetQueueHistory'>;

/** One job of a tenant's queue, redacted on the server unless `redacted` is false. @public */
export type QueueJobSample = Schemas['QueueJobSample'];

/** Who the sampled jobs were addressed to. @public */
export type RecipientPatterns = Schemas['RecipientPatterns'];

/** Answer of `GET /tenants/{tenantId}/queues/samples`. @public */
export type QueueSamples = Schemas['QueueSamples'];

/** Body of `POST /tenants/{tenantId}/queues/pause`. @public */
export type PauseTenantQueuesRequest = Schemas['PauseTenantQueuesRequest'];

/** Body of `POST /tenants/{tenantId}/queues/resume`. @public */
export type ResumeTenantQueuesRequest = Schemas['ResumeTenantQueuesRequest'];

/** A notice template, e.g. "Security Alert". @public */
export type TenantNoticeTemplate = Schemas['TenantNoticeTemplate'];

/** Body of the notice preview and send routes. @public */
export type TenantNoticeRequest = Schemas['TenantNoticeRequest'];

/** A rendered notice (preview) or a sent one. @public */
export type TenantNotice = Schemas['TenantNotice'];

/** Answer of `GET /notices/templates`. @public */
export type TenantNoticeTemplateList = Schemas['TenantNoticeTemplateList'];

/** Answer of `GET /tenants/{tenantId}/notices`. @public */
export type TenantNoticeList = Schemas['TenantNoticeList'];
