import {
  DeliverabilityStats,
  TenantDeliverability,
  TenantEntityV1alpha1,
  TenantTimeline,
  TenantUsers,
} from '@opsconsole/backstage-plugin-ops-common';
import { acmeUsers } from './userFixtures';

export function makeTenantEntity(
  name: string,
  spec: Partial<TenantEntityV1alpha1['spec']> = {},
  title?: string,
): TenantEntityV1alpha1 {
  return {
    apiVersion: 'opsconsole.io/v1alpha1',
    kind: 'Tenant',
    metadata: { name, namespace: 'default', ...(title && { title }) },
    spec: {
      owner: 'group:default/ops-admins',
      tier: 'pro',
      region: 'eu-west-1',
      status: 'active',
      adminContact: { email: `admin@${name}.example`, name: `${name} admin` },
      ...spec,
    },
  };
}

export const acmeEntity = makeTenantEntity(
  'acme',
  {
    tier: 'enterprise',
    owner: 'group:default/account-emea',
    adminContact: { email: 'ops@acme.example', name: 'Wile E. Coyote' },
    system: 'system:default/mail-platform',
  },
  'Acme Corp',
);

export const tenantEntities: TenantEntityV1alpha1[] = [
  acmeEntity,
  makeTenantEntity('globex', { tier: 'pro', status: 'trial' }, 'Globex'),
  makeTenantEntity(
    'initech',
    { tier: 'free', status: 'suspended', region: 'us-east-1' },
    'Initech',
  ),
  makeTenantEntity(
    'umbrella',
    { tier: 'enterprise', owner: 'group:default/account-emea' },
    'Umbrella',
  ),
];

function stats(sent: number, bounced: number, complaints: number) {
  const delivered = sent - bounced;
  const result: DeliverabilityStats = {
    sent,
    delivered,
    bounced,
    complaints,
    deliveryRate: sent ? delivered / sent : null,
    bounceRate: sent ? bounced / sent : null,
    complaintRate: delivered ? complaints / delivered : null,
  };
  return result;
}

export const acmeDeliverability: TenantDeliverability = {
  tenant: { id: 'acme', entityRef: 'tenant:default/acme' },
  range: '7d',
  bucketSeconds: 3600,
  from: new Date(Date.now() - 3 * 3_600_000).toISOString(),
  to: new Date().toISOString(),
  buckets: [3, 2, 1].map(hoursAgo => ({
    start: new Date(Date.now() - hoursAgo * 3_600_000).toISOString(),
    tenant: stats(1000, 20, 1),
    fleet: stats(10000, 100, 3),
  })),
  totals: { tenant: stats(3000, 60, 3), fleet: stats(30000, 300, 9) },
  sources: [{ id: 'example-platform', status: 'ok' }],
};

export const acmeTimeline: TenantTimeline = {
  tenant: { id: 'acme', entityRef: 'tenant:default/acme' },
  events: [
    {
      id: 'e1',
      time: new Date(Date.now() - 5 * 60_000).toISOString(),
      actor: 'user:default/jane',
      action: 'flag-override-set',
      targetRef: 'tenant:default/acme',
      outcome: 'success',
      details: {
        flagKey: 'ai-composer',
        tenantId: 'acme',
        variant: 'off',
        reason: 'Breaks their approval workflow',
        before: null,
        after: { variant: 'off' },
      },
    },
  ],
};

export const acmeTenantUsers: TenantUsers = {
  tenant: { id: 'acme', entityRef: 'tenant:default/acme' },
  users: acmeUsers,
  revealed: false,
  sources: [{ id: 'example-platform', status: 'ok' }],
};
