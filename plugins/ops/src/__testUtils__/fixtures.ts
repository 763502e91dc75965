import {
  EntityHealth,
  EntityHistory,
  FleetSummary,
  TargetSummary,
} from '@opsconsole/backstage-plugin-ops-common';
import { OpsApi } from '../api';
import {
  aiComposer,
  aiComposerDetail,
  acmeFlags,
  flagList,
  overridePreview,
} from './flagFixtures';
import {
  acmeDeliverability,
  acmeTenantUsers,
  acmeTimeline,
} from './tenantFixtures';
import { fakeQueueApi } from './queueFixtures';
import { fakeLogApi } from './logFixtures';
import { searchResult, userDetail } from './userFixtures';

const minutesAgo = (minutes: number) =>
  new Date(Date.now() - minutes * 60_000).toISOString();

export function makeTarget(
  overrides: Partial<TargetSummary> = {},
): TargetSummary {
  return {
    entityRef: 'component:default/mail-api',
    title: 'Mail API',
    kind: 'Component',
    owner: 'group:default/mail-team',
    system: 'system:default/sending',
    url: 'http://mail-api:7010/health',
    status: 'pass',
    statusSince: minutesAgo(180),
    lastProbeAt: minutesAgo(1),
    lastHttpStatus: 200,
    lastLatencyMs: 42,
    latencyP50Ms: 40,
    latencyP95Ms: 120,
    windows: {
      '24h': { samples: 1440, uptime: 0.9993, errorRate: 0.0007 },
      '7d': { samples: 10080, uptime: 0.9995, errorRate: 0.0005 },
      '30d': { samples: 43200, uptime: 0.9999, errorRate: 0.0001 },
    },
    failingChecks: [],
    uptimeBars: Array.from({ length: 24 }, (_, i) => (i < 2 ? null : 1)),
    ...overrides,
  };
}

export const fleet: FleetSummary = {
  generatedAt: minutesAgo(0),
  sources: [{ id: 'prober', status: 'ok' }],
  targets: [
    makeTarget(),
    makeTarget({
      entityRef: 'component:default/mta-relay',
      title: 'MTA relay',
      owner: 'group:default/infra',
      system: 'system:default/sending',
      status: 'fail',
      statusSince: minutesAgo(12),
      lastHttpStatus: 503,
      failingChecks: [
        {
          name: 'smtp:connections',
          status: 'fail',
          output: 'connection refused',
        },
      ],
    }),
    makeTarget({
      entityRef: 'resource:default/queue-db',
      title: 'Queue database',
      kind: 'Resource',
      owner: 'group:default/infra',
      system: 'system:default/queues',
      status: 'warn',
    }),
    makeTarget({
      entityRef: 'component:default/bounce-processor',
      title: 'Bounce processor',
      owner: 'group:default/mail-team',
      system: undefined,
      status: 'misconfigured',
      reason: 'host bounce.internal is not in ops.health.allowedHosts',
      lastHttpStatus: undefined,
      uptimeBars: Array.from({ length: 24 }, () => null),
    }),
  ],
};

export const entityHealth: EntityHealth = {
  target: makeTarget({
    status: 'warn',
    failingChecks: [
      {
        name: 'sqlite:responseTime',
        componentType: 'datastore',
        status: 'warn',
        observedValue: 250,
        observedUnit: 'ms',
      },
    ],
  }),
  checks: [
    {
      name: 'sqlite:responseTime',
      componentType: 'datastore',
      status: 'warn',
      observedValue: 250,
      observedUnit: 'ms',
      time: minutesAgo(1),
    },
    {
      name: 'uptime',
      componentType: 'system',
      status: 'pass',
      observedValue: 86400,
      observedUnit: 's',
      time: minutesAgo(1),
    },
  ],
  recentFailures: [
    {
      time: minutesAgo(30),
      status: 'fail',
      httpStatus: 503,
      latencyMs: 5000,
      error: 'upstream timed out',
    },
  ],
  sources: [{ id: 'prober', status: 'ok' }],
};

export const entityHistory: EntityHistory = {
  entityRef: 'component:default/mail-api',
  range: '24h',
  bucketSeconds: 3600,
  buckets: Array.from({ length: 24 }, (_, i) => ({
    start: new Date(Date.now() - (24 - i) * 3_600_000).toISOString(),
    samples: 60,
    failures: i === 20 ? 3 : 0,
    uptime: i === 20 ? 0.95 : 1,
    latencyP50Ms: 40 + i,
    latencyP95Ms: 120 + i,
    latencyMaxMs: 300,
  })),
  sources: [{ id: 'prober', status: 'ok' }],
};

/** A fake OpsApi whose methods are jest mocks answering the fixtures. */
export function makeFakeOpsApi(
  overrides: Partial<jest.Mocked<OpsApi>> = {},
): jest.Mocked<OpsApi> {
  return {
    getFleetSummary: jest.fn().mockResolvedValue(fleet),
    getEntityHealth: jest.fn().mockResolvedValue(entityHealth),
    getEntityHistory: jest.fn().mockResolvedValue(entityHistory),
    probeEntity: jest.fn().mockResolvedValue({
      entityRef: 'component:default/mail-api',
      status: 'pass',
      time: new Date().toISOString(),
      httpStatus: 200,
      latencyMs: 37,
    }),
    listAuditEvents: jest.fn().mockResolvedValue({ events: [] }),
    listFlags: jest.fn().mockResolvedValue(flagList),
    getFlag: jest.fn().mockResolvedValue(aiComposerDetail),
    createFlag: jest.fn().mockResolvedValue(aiComposer),
    updateFlag: jest.fn().mockResolvedValue(aiComposer),
    previewFlagChange: jest.fn().mockResolvedValue(overridePreview),
    setFlagOverride: jest.fn(async (flagKey, tenantId, request) => ({
      flagKey,
      tenantId,
      variant: request.variant,
      reason: request.reason,
      actor: 'user:default/tester',
      updatedAt: new Date().toISOString(),
    })),
    removeFlagOverride: jest.fn().mockResolvedValue(undefined),
    getTenantFlags: jest.fn().mockResolvedValue(acmeFlags),
    getTenant: jest.fn().mockResolvedValue({
      tenant: {
        id: 'acme',
        entityRef: 'tenant:default/acme',
        name: 'Acme Corp',
        tier: 'enterprise',
        region: 'eu-west-1',
        status: 'active',
        adminEmail: 'o***@acme.example',
        createdAt: new Date(Date.now() - 86_400_000 * 400).toISOString(),
        source: 'example-platform',
      },
      sources: [{ id: 'example-platform', status: 'ok' }],
    }),
    listTenantUsers: jest.fn().mockResolvedValue(acmeTenantUsers),
    getTenantDeliverability: jest.fn().mockResolvedValue(acmeDeliverability),
    getTenantTimeline: jest.fn().mockResolvedValue(acmeTimeline),
    searchUsers: jest.fn(async options =>
      searchResult(Boolean(options.reveal)),
    ),
    getUser: jest.fn(async (_userId, options) =>
      userDetail(Boolean(options?.reveal)),
    ),
    ...fakeQueueApi(),
    ...fakeLogApi(),
    ...overrides,
  };
}
