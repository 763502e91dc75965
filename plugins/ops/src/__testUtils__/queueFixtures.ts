import {
  QueueHistory,
  QueueOverview,
  QueueSamples,
  QueueSpikeAlert,
  QueueSummary,
  TenantNotice,
  TenantNoticeTemplate,
  TenantQueuePause,
} from '@opsconsole/backstage-plugin-ops-common';
import { OpsApi } from '../api';

const minutesAgo = (minutes: number) =>
  new Date(Date.now() - minutes * 60_000).toISOString();

export function makeQueue(overrides: Partial<QueueSummary> = {}): QueueSummary {
  return {
    id: 'bullmq:outbound-email-globex',
    name: 'outbound-email-globex',
    source: 'bullmq',
    tenantId: 'globex',
    tenantEntityRef: 'tenant:default/globex',
    tenantTier: 'pro',
    counts: { waiting: 3, active: 1, delayed: 0, failed: 0, completed: 9000 },
    paused: false,
    oldestWaitingAgeSeconds: 4,
    enqueuedPerMinute: 40,
    processedPerMinute: 41,
    failedPerMinute: 0,
    anomalyScore: 0,
    ...overrides,
  };
}

export const acmeSpike: QueueSpikeAlert = {
  id: 'spike-1',
  tenantId: 'acme',
  tenantEntityRef: 'tenant:default/acme',
  severity: 'critical',
  status: 'open',
  startedAt: minutesAgo(6),
  ratePerMinute: 412,
  peakRatePerMinute: 530,
  baselinePerMinute: 9,
  message: '412/min vs baseline 9/min (45x)',
};

export const acmeQueue = makeQueue({
  id: 'bullmq:outbound-email-acme',
  name: 'outbound-email-acme',
  tenantId: 'acme',
  tenantEntityRef: 'tenant:default/acme',
  tenantTier: 'enterprise',
  counts: { waiting: 1200, active: 5, delayed: 34, failed: 2, completed: 800 },
  oldestWaitingAgeSeconds: 3 * 3600 + 5 * 60,
  enqueuedPerMinute: 412,
  processedPerMinute: 60,
  failedPerMinute: 0,
  anomalyScore: 45,
  spike: acmeSpike,
});

export const queueOverview: QueueOverview = {
  sampledAt: minutesAgo(0),
  sources: [
    { id: 'bullmq', status: 'ok' },
    { id: 'platform', status: 'ok' },
  ],
  alerts: [acmeSpike],
  pauses: [],
  maxAutoResumeHours: 168,
  queues: [
    makeQueue(),
    acmeQueue,
    makeQueue({
      id: 'platform:webhooks',
      name: 'webhooks',
      source: 'platform',
      tenantId: undefined,
      tenantEntityRef: undefined,
      tenantTier: undefined,
      counts: { waiting: 0, active: 0, delayed: 0, failed: 17, completed: 50 },
      enqueuedPerMinute: undefined,
      processedPerMinute: undefined,
      failedPerMinute: 1.5,
      oldestWaitingAgeSeconds: undefined,
      anomalyScore: 2,
    }),
    makeQueue({
      id: 'bullmq:outbound-email-acme-eu',
      name: 'outbound-email-acme-eu',
      tenantId: 'acme-eu',
      tenantEntityRef: 'tenant:default/acme-eu',
      paused: true,
      anomalyScore: 1,
    }),
  ],
};

export const acmePause: TenantQueuePause = {
  tenantId: 'acme',
  tenantEntityRef: 'tenant:default/acme',
  paused: true,
  reason: 'Compromised account sending spam',
  pausedBy: 'user:default/jane',
  pausedAt: minutesAgo(2),
  autoResumeAt: new Date(Date.now() + 4 * 3600_000).toISOString(),
};

export const queueHistory: QueueHistory = {
  range: '24h',
  bucketSeconds: 3600,
  points: Array.from({ length: 24 }, (_, i) => ({
    start: new Date(Date.now() - (24 - i) * 3600_000).toISOString(),
    depth: i === 23 ? 1239 : 10,
    waiting: i === 23 ? 1200 : 8,
    failed: 0,
    enqueuedPerMinute: i === 23 ? 412 : 9,
    processedPerMinute: 9,
    failedPerMinute: 0,
  })),
};

export const acmeSamples: QueueSamples = {
  tenantId: 'acme',
  sources: [{ id: 'bullmq', status: 'ok' }],
  jobs: [
    {
      id: 'job-1',
      queueId: 'bullmq:outbound-email-acme',
      name: 'send',
      state: 'waiting',
      enqueuedAt: minutesAgo(1),
      data: { to: 'j***@gmail.example', subject: 'You won!', body: 'Claim…' },
      redacted: true,
    },
    {
      id: 'job-2',
      queueId: 'bullmq:outbound-email-acme',
      name: 'send',
      state: 'failed',
      enqueuedAt: minutesAgo(2),
      attemptsMade: 3,
      failedReason: 'mailbox unavailable',
      data: { to: 'p***@yahoo.example', subject: 'You won!', body: 'Claim…' },
      redacted: true,
    },
  ],
  recipients: {
    sampledJobs: 50,
    uniqueRecipients: 48,
    newRecipientShare: 0.94,
    topDomains: [
      { domain: 'gmail.example', count: 30, share: 0.6 },
      { domain: 'yahoo.example', count: 20, share: 0.4 },
    ],
  },
};

export const securityAlertTemplate: TenantNoticeTemplate = {
  id: 'security-alert',
  title: 'Security Alert',
  subject: 'Security alert for {tenant}',
  body: 'We paused sending for {tenant}: {reason}',
};

export const noticeTemplates: TenantNoticeTemplate[] = [
  {
    id: 'maintenance',
    title: 'Maintenance',
    subject: 'Maintenance',
    body: 'Planned maintenance',
  },
  securityAlertTemplate,
];

export function renderedNotice(
  tenantId: string,
  request: { templateId: string; reason: string },
  sent?: Pick<TenantNotice, 'delivery'>,
): TenantNotice {
  return {
    tenantId,
    templateId: request.templateId,
    to: `admin@${tenantId}.example`,
    subject: `Security alert for ${tenantId}`,
    body: `We paused sending for ${tenantId}: ${request.reason}`,
    ...(sent && {
      ...sent,
      sentAt: new Date().toISOString(),
      messageId: '<1@ops>',
    }),
  };
}

/** The queue methods of the fake OpsApi, answering the fixtures above. */
export function fakeQueueApi(): Pick<
  jest.Mocked<OpsApi>,
  | 'getQueueOverview'
  | 'getQueueHistory'
  | 'listQueueAlerts'
  | 'getTenantQueueSamples'
  | 'pauseTenantQueues'
  | 'resumeTenantQueues'
  | 'listNoticeTemplates'
  | 'previewTenantNotice'
  | 'sendTenantNotice'
  | 'listTenantNotices'
> {
  return {
    getQueueOverview: jest.fn().mockResolvedValue(queueOverview),
    getQueueHistory: jest.fn(async options => ({
      ...queueHistory,
      range: options?.range ?? '24h',
      tenantId: options?.tenantId,
    })),
    listQueueAlerts: jest.fn().mockResolvedValue({ alerts: [acmeSpike] }),
    getTenantQueueSamples: jest.fn().mockResolvedValue(acmeSamples),
    pauseTenantQueues: jest.fn(async (tenantId, request) => ({
      ...acmePause,
      tenantId,
      tenantEntityRef: `tenant:default/${tenantId}`,
      reason: request.reason,
      autoResumeAt: request.autoResumeAt,
    })),
    resumeTenantQueues: jest.fn(async (tenantId: string, _request) => ({
      tenantId,
      tenantEntityRef: `tenant:default/${tenantId}`,
      paused: false,
    })) as jest.Mocked<OpsApi>['resumeTenantQueues'],
    listNoticeTemplates: jest
      .fn()
      .mockResolvedValue({ templates: noticeTemplates }),
    previewTenantNotice: jest.fn(async (tenantId, request) =>
      renderedNotice(tenantId, request),
    ),
    sendTenantNotice: jest.fn(async (tenantId, request) =>
      renderedNotice(tenantId, request, { delivery: 'captured' }),
    ),
    listTenantNotices: jest.fn().mockResolvedValue({ notices: [] }),
  };
}
