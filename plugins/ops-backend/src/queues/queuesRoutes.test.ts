import {
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { notificationService } from '@backstage/plugin-notifications-node';
import { opsQueueProvidersExtensionPoint } from '@opsconsole/backstage-plugin-ops-node';
import request from 'supertest';
import {
  InMemoryQueueProvider,
  queueSnapshot,
} from '../__testUtils__/InMemoryQueueProvider';
import {
  asCaller,
  CallerMatrixRoute,
  describeCallerMatrix,
  OWNER,
  startOpsWithTenantPolicy,
} from '../__testUtils__/startOpsWithTenantPolicy';

jest.setTimeout(60_000);

const platform = new InMemoryQueueProvider('platform', {
  queues: [
    queueSnapshot('outbound-email-acme', { tenantId: 'acme' }),
    queueSnapshot('outbound-email-globex', { tenantId: 'globex' }),
  ],
});
const bullmq = new InMemoryQueueProvider('bullmq');

describe('queue routes', () => {
  let server: Awaited<ReturnType<typeof startOpsWithTenantPolicy>>['server'];

  beforeAll(async () => {
    ({ server } = await startOpsWithTenantPolicy({
      tier: 'enterprise',
      features: [
        createBackendModule({
          pluginId: 'ops',
          moduleId: 'test-queues',
          register(env) {
            env.registerInit({
              deps: { queues: opsQueueProvidersExtensionPoint },
              async init({ queues }) {
                queues.addProvider(platform, bullmq);
              },
            });
          },
        }),
        createServiceFactory({
          service: notificationService,
          deps: {},
          factory: () => ({ send: async () => {} }),
        }),
      ],
    }));
  });

  const resume = (tenantId: string) => () =>
    asCaller('admin')(
      request(server)
        .post(`/api/ops/tenants/${tenantId}/queues/resume`)
        .send({ reason: 'reset' }),
    ).expect(200);

  const routes: CallerMatrixRoute[] = [
    {
      name: 'GET /queues',
      call: () => request(server).get('/api/ops/queues'),
      expected: { none: 401, plain: 200, owner: 200, admin: 200, service: 403 },
    },
    {
      name: 'GET /queues/history',
      call: () => request(server).get('/api/ops/queues/history?range=1h'),
      expected: { none: 401, plain: 200, owner: 200, admin: 200, service: 403 },
    },
    {
      name: 'GET /queues/alerts',
      call: () => request(server).get('/api/ops/queues/alerts?status=all'),
      expected: { none: 401, plain: 200, owner: 200, admin: 200, service: 403 },
    },
    {
      name: 'GET /tenants/{tenant}/queues/samples of an owned tenant',
      call: () => request(server).get('/api/ops/tenants/acme/queues/samples'),
      expected: { none: 401, plain: 200, owner: 200, admin: 200, service: 403 },
    },
    {
      // owners may pause their tenant, but unredacted jobs stay with ops admins
      name: 'GET /tenants/{tenant}/queues/samples?unredacted=true of an owned tenant',
      call: () =>
        request(server).get(
          '/api/ops/tenants/acme/queues/samples?unredacted=true',
        ),
      expected: { none: 401, plain: 403, owner: 403, admin: 200, service: 403 },
    },
    {
      name: 'POST /tenants/{tenant}/queues/pause of an owned tenant',
      before: resume('acme'),
      call: () =>
        request(server)
          .post('/api/ops/tenants/acme/queues/pause')
          .send({ reason: 'matrix' }),
      expected: { none: 401, plain: 403, owner: 200, admin: 200, service: 403 },
    },
    {
      name: 'POST /tenants/{tenant}/queues/pause of a tenant owned by others',
      before: resume('globex'),
      call: () =>
        request(server)
          .post('/api/ops/tenants/globex/queues/pause')
          .send({ reason: 'matrix' }),
      expected: { none: 401, plain: 403, owner: 403, admin: 200, service: 403 },
    },
    {
      name: 'POST /tenants/{tenant}/queues/resume of an owned tenant',
      call: () =>
        request(server)
          .post('/api/ops/tenants/acme/queues/resume')
          .send({ reason: 'matrix' }),
      expected: { none: 401, plain: 403, owner: 200, admin: 200, service: 403 },
    },
    {
      name: 'POST /tenants/{tenant}/queues/resume of a tenant owned by others',
      call: () =>
        request(server)
          .post('/api/ops/tenants/globex/queues/resume')
          .send({ reason: 'matrix' }),
      expected: { none: 401, plain: 403, owner: 403, admin: 200, service: 403 },
    },
  ];

  describeCallerMatrix(routes);

  it('rejects a tenant id that is not a lower-case slug (400), so `ACME` cannot pass as the owned `acme`', async () => {
    const res = await asCaller('owner')(
      request(server)
        .post('/api/ops/tenants/ACME/queues/pause')
        .send({ reason: 'case trick' }),
    );
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toContain('tenantId');
  });

  it('pauses one tenant, shows it on the overview and in the tenant timeline with before/after', async () => {
    await resume('acme')();
    const paused = await asCaller('owner')(
      request(server)
        .post('/api/ops/tenants/acme/queues/pause')
        .send({
          reason: 'spam burst',
          autoResumeAt: new Date(Date.now() + 3_600_000).toISOString(),
        }),
    );
    expect(paused.status).toBe(200);
    expect(paused.body).toMatchObject({
      tenantId: 'acme',
      tenantEntityRef: 'tenant:default/acme',
      paused: true,
      reason: 'spam burst',
      pausedBy: OWNER,
    });

    // a source that is down degrades its part of the overview only
    bullmq.failWith = new Error('connect ECONNREFUSED 127.0.0.1:6379');
    const overview = await asCaller('plain')(
      request(server).get('/api/ops/queues?tenantId=acme'),
    );
    bullmq.failWith = undefined;
    expect(overview.status).toBe(200);
    expect(overview.body.queues).toEqual([
      expect.objectContaining({
        id: 'platform:outbound-email-acme',
        paused: true,
        tenantTier: 'enterprise',
      }),
    ]);
    expect(overview.body.pauses).toEqual([paused.body]);
    expect(overview.body.sources).toEqual([
      {
        id: 'bullmq',
        status: 'degraded',
        error: 'connect ECONNREFUSED 127.0.0.1:6379',
      },
      { id: 'platform', status: 'ok' },
      { id: 'tenants:catalog', status: 'ok' },
    ]);
    // the pause dialog offers auto-resumes up to the server's limit (default 7 days)
    expect(overview.body.maxAutoResumeHours).toBe(168);
    // globex keeps flowing
    expect(platform.queues.find(q => q.tenantId === 'globex')?.paused).toBe(
      false,
    );

    const timeline = await asCaller('admin')(
      request(server).get('/api/ops/tenants/acme/timeline?limit=1'),
    );
    expect(timeline.body.events).toEqual([
      expect.objectContaining({
        actor: OWNER,
        action: 'tenant-queue-pause',
        targetRef: 'tenant:default/acme',
        outcome: 'success',
        details: expect.objectContaining({
          reason: 'spam burst',
          before: expect.objectContaining({ paused: false }),
          after: expect.objectContaining({ paused: true, pausedBy: OWNER }),
        }),
      }),
    ]);

    const resumed = await asCaller('owner')(
      request(server)
        .post('/api/ops/tenants/acme/queues/resume')
        .send({ reason: 'password reset, clean' }),
    );
    expect(resumed.body).toEqual({
      tenantId: 'acme',
      tenantEntityRef: 'tenant:default/acme',
      paused: false,
    });
    const [resumeEvent] = (
      await asCaller('admin')(
        request(server).get('/api/ops/tenants/acme/timeline?limit=1'),
      )
    ).body.events;
    expect(resumeEvent).toMatchObject({
      action: 'tenant-queue-resume',
      details: {
        reason: 'password reset, clean',
        before: { paused: true },
        after: { paused: false },
      },
    });
  });

  describe('answers with clear errors', () => {
    it.each([
      [
        'a pause without a reason',
        400,
        'reason',
        () =>
          request(server).post('/api/ops/tenants/acme/queues/pause').send({}),
      ],
      [
        'a blank reason',
        400,
        'A reason is required',
        () =>
          request(server)
            .post('/api/ops/tenants/acme/queues/pause')
            .send({ reason: '  ' }),
      ],
      [
        'an auto-resume in the past',
        400,
        'autoResumeAt must be in the future',
        () =>
          request(server)
            .post('/api/ops/tenants/acme/queues/pause')
            .send({ reason: 'x', autoResumeAt: '2020-01-01T00:00:00.000Z' }),
      ],
      [
        'an auto-resume that is not a date',
        400,
        'autoResumeAt',
        () =>
          request(server)
            .post('/api/ops/tenants/acme/queues/pause')
            .send({ reason: 'x', autoResumeAt: 'tomorrow' }),
      ],
      [
        'a tenant no source holds',
        404,
        'No queue source holds work of tenant initech',
        () =>
          request(server)
            .post('/api/ops/tenants/initech/queues/pause')
            .send({ reason: 'x' }),
      ],
      [
        'an unknown history range',
        400,
        'range',
        () => request(server).get('/api/ops/queues/history?range=2y'),
      ],
      [
        'an unknown source',
        400,
        'Unknown queue source "rabbit"',
        () => request(server).get('/api/ops/queues?source=rabbit'),
      ],
    ])('%s: %d', async (_name, status, message, call) => {
      const res = await asCaller('admin')(call());
      expect(res.status).toBe(status);
      expect(res.body.error.message).toContain(message);
    });

    it('409 for a tenant that is already paused', async () => {
      await resume('acme')();
      const pause = () =>
        asCaller('admin')(
          request(server)
            .post('/api/ops/tenants/acme/queues/pause')
            .send({ reason: 'x' }),
        );
      expect((await pause()).status).toBe(200);
      const again = await pause();
      expect(again.status).toBe(409);
      expect(again.body.error.message).toContain('already paused');
    });

    it('409 for a resume while a pause is still being applied in the sources; the pause then stands', async () => {
      await resume('acme')();
      const slowPlatform = platform.hold('pauseTenant');
      const pausing = asCaller('admin')(
        request(server)
          .post('/api/ops/tenants/acme/queues/pause')
          .send({ reason: 'slow platform' }),
      ).then(res => res);
      await slowPlatform.reached;

      const early = await asCaller('owner')(
        request(server)
          .post('/api/ops/tenants/acme/queues/resume')
          .send({ reason: 'too early' }),
      );
      expect(early.status).toBe(409);
      expect(early.body.error).toMatchObject({
        name: 'ConflictError',
        message: expect.stringMatching(
          /^A pause of tenant acme is being applied .*; try the resume again in a moment$/,
        ),
      });
      slowPlatform.release();
      expect((await pausing).status).toBe(200);
      const overview = await asCaller('admin')(
        request(server).get('/api/ops/queues?tenantId=acme'),
      );
      expect(overview.body.pauses).toEqual([
        expect.objectContaining({ paused: true, reason: 'slow platform' }),
      ]);
      expect(platform.queues[0]).toMatchObject({
        name: 'outbound-email-acme',
        paused: true,
      });
    });

    it('lets exactly one of two concurrent pauses win (200), the other gets 409 naming who paused, both audited', async () => {
      await resume('acme')();
      const pauseAs = (caller: 'owner' | 'admin') =>
        asCaller(caller)(
          request(server)
            .post('/api/ops/tenants/acme/queues/pause')
            .send({ reason: `race ${caller}` }),
        );
      const [owner, admin] = await Promise.all([
        pauseAs('owner'),
        pauseAs('admin'),
      ]);
      expect([owner.status, admin.status].sort()).toEqual([200, 409]);
      const [won, lost] =
        owner.status === 200 ? [owner, admin] : [admin, owner];
      const winner = won.body.pausedBy;
      expect(lost.body.error).toMatchObject({
        name: 'ConflictError',
        message: expect.stringContaining(
          `The queues of tenant acme are already paused (by ${winner} at `,
        ),
      });
      const overview = await asCaller('admin')(
        request(server).get('/api/ops/queues?tenantId=acme'),
      );
      expect(overview.body.pauses).toEqual([won.body]);

      const timeline = await asCaller('admin')(
        request(server).get('/api/ops/tenants/acme/timeline?limit=2'),
      );
      expect(
        timeline.body.events.map((e: any) => [e.actor, e.action, e.outcome]),
      ).toEqual(
        expect.arrayContaining([
          [winner, 'tenant-queue-pause', 'success'],
          [
            winner === OWNER ? 'user:default/admin' : OWNER,
            'tenant-queue-pause',
            'failure',
          ],
        ]),
      );
    });
  });
});
