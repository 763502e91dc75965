import { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import {
  InMemoryQueueProvider,
  queueSnapshot,
} from '../../__testUtils__/InMemoryQueueProvider';
import { ADMIN, as, PLAIN } from '../../__testUtils__/examplePolicyPermissions';
import { describePermissionMatrix } from '../../__testUtils__/permissionMatrix';
import { startOpsWithPlatforms } from '../../platform/__testUtils__/startOpsWithPlatforms';

jest.setTimeout(60_000);

const acmeEntity: Entity = {
  apiVersion: 'opsconsole.io/v1alpha1',
  kind: 'Tenant',
  metadata: {
    name: 'acme',
    namespace: 'default',
    annotations: { 'opsconsole.io/redact-fields': 'metadata.customerId' },
  },
  spec: {
    owner: 'group:default/team-acme',
    tier: 'pro',
    region: 'eu',
    status: 'active',
  },
};

describe('queue samples route', () => {
  const bullmq = new InMemoryQueueProvider('bullmq', {
    queues: [queueSnapshot('outbound-email-acme', { tenantId: 'acme' })],
    jobs: [
      {
        id: '41',
        queueName: 'outbound-email-acme',
        name: 'send-email',
        state: 'waiting',
        enqueuedAt: '2026-11-26T10:00:00.000Z',
        data: {
          to: 'victim.one@gmail.example',
          subject: 'You won',
          html: '<p>Dear victim.one@gmail.example, click here</p>',
          metadata: { customerId: 'cust-9' },
        },
      },
    ],
  });
  let server: Awaited<ReturnType<typeof startOpsWithPlatforms>>['server'];
  let stop: () => Promise<void>;

  beforeAll(async () => {
    ({ server, stop } = await startOpsWithPlatforms({
      queueProviders: [bullmq],
      entities: [acmeEntity],
    }));
  });
  afterAll(() => stop());

  const get = (path: string, who?: string) =>
    as(who)(request(server).get(path));

  describePermissionMatrix(
    () => server,
    [
      // path, plain user, ops admin
      ['/api/ops/tenants/acme/queues/samples', 200, 200],
      ['/api/ops/tenants/acme/queues/samples?limit=5', 200, 200],
      ['/api/ops/tenants/acme/queues/samples?unredacted=true', 403, 200],
    ],
  );

  it('answers redacted samples with the tenant annotation applied', async () => {
    const res = await get('/api/ops/tenants/acme/queues/samples', PLAIN);
    expect(res.status).toBe(200);
    expect(res.body.jobs).toEqual([
      expect.objectContaining({
        id: '41',
        queueId: 'bullmq:outbound-email-acme',
        redacted: true,
        data: {
          to: 'v***@gmail.example',
          subject: 'You won',
          html: '<p>Dear v***@gmail.example, click here</p>',
          metadata: { customerId: '[removed]' },
        },
      }),
    ]);
    expect(res.body.recipients).toMatchObject({
      sampledJobs: 1,
      uniqueRecipients: 1,
      topDomains: [{ domain: 'gmail.example', count: 1, share: 1 }],
    });
    expect(res.body.sources).toEqual([
      { id: 'bullmq', status: 'ok' },
      { id: 'tenants:catalog', status: 'ok' },
    ]);
  });

  it('refuses the unredacted view without the permission, naming it', async () => {
    const res = await get(
      '/api/ops/tenants/acme/queues/samples?unredacted=true',
      PLAIN,
    );
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      'You are not allowed to ops.tenant.queue.samples.unredacted on tenant:default/acme',
    );
  });

  it('shows unredacted samples to the permitted and audits every view', async () => {
    const res = await get(
      '/api/ops/tenants/acme/queues/samples?unredacted=true&limit=3',
      ADMIN,
    );
    expect(res.status).toBe(200);
    expect(res.body.jobs[0]).toMatchObject({
      redacted: false,
      data: {
        to: 'victim.one@gmail.example',
        metadata: { customerId: 'cust-9' },
      },
    });
    const audit = await get(
      `/api/ops/audit?targetRef=${encodeURIComponent('tenant:default/acme')}`,
      ADMIN,
    );
    expect(audit.body.error).toBeUndefined();
    expect(audit.body.events).toContainEqual(
      expect.objectContaining({
        actor: ADMIN,
        action: 'queue-samples-unredacted-view',
        outcome: 'success',
        details: {
          tenantId: 'acme',
          limit: 3,
          jobs: ['bullmq:outbound-email-acme/41'],
        },
      }),
    );
  });

  it('rejects a bad limit with a 400 naming it', async () => {
    const res = await get(
      '/api/ops/tenants/acme/queues/samples?limit=0',
      PLAIN,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('limit');
  });

  it('shows a failing queue source as degraded', async () => {
    bullmq.failWith = new Error('Redis connection refused');
    try {
      const res = await get('/api/ops/tenants/acme/queues/samples', PLAIN);
      expect(res.status).toBe(200);
      expect(res.body.jobs).toEqual([]);
      expect(res.body.sources).toContainEqual({
        id: 'bullmq',
        status: 'degraded',
        error: 'Redis connection refused',
      });
    } finally {
      bullmq.failWith = undefined;
    }
  });
});
