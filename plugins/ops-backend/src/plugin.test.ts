import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import {
  ADMIN,
  as,
  examplePolicyPermissionsMock,
  PLAIN,
} from './__testUtils__/examplePolicyPermissions';
import { healthDoc, startHealthServer } from './__testUtils__/healthServer';
import { opsPlugin } from './plugin';

jest.setTimeout(60_000);

const component = (name: string, url: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: { 'opsconsole.io/health-url': url },
  },
  spec: {
    type: 'service',
    owner: 'team-a',
    system: 'mail',
    lifecycle: 'production',
  },
});

describe('ops backend plugin', () => {
  let healthy: Awaited<ReturnType<typeof startHealthServer>>;
  let failing: Awaited<ReturnType<typeof startHealthServer>>;
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  let stop: () => Promise<void>;

  beforeAll(async () => {
    healthy = await startHealthServer({
      body: healthDoc('pass', {
        'sqlite:responseTime': [
          {
            componentType: 'datastore',
            observedValue: 2,
            observedUnit: 'ms',
            status: 'pass',
          },
        ],
      }),
    });
    failing = await startHealthServer({ status: 503, body: healthDoc('fail') });
    const backend = await startTestBackend({
      features: [
        opsPlugin,
        catalogServiceMock.factory({
          entities: [
            component('api', healthy.url),
            component('worker', failing.url),
            component('outside', 'http://169.254.169.254/latest/meta-data'),
            {
              ...component('no-annotation', ''),
              metadata: { name: 'no-annotation', namespace: 'default' },
            },
          ],
        }),
        examplePolicyPermissionsMock().factory,
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
        mockServices.scheduler.factory({
          includeInitialDelayedTasksOnStartup: true,
        }),
        mockServices.rootConfig.factory({
          data: {
            ops: {
              health: { allowedHosts: ['127.0.0.1'], timeout: { seconds: 2 } },
            },
          },
        }),
      ],
    });
    server = backend.server;
    stop = () => backend.stop();
    // the first probe round runs on startup; wait until it has recorded the targets
    for (let i = 0; i < 100; i++) {
      const res = await request(server)
        .get('/api/ops/health/fleet')
        .set('authorization', mockCredentials.user.header(ADMIN));
      if (
        res.body.targets?.every((t: any) => t.status !== 'unknown') &&
        res.body.targets.length === 3
      )
        break;
      await new Promise(r => setTimeout(r, 100));
    }
  });

  afterAll(async () => {
    await stop();
    await healthy.close();
    await failing.close();
  });

  describe('permission matrix', () => {
    const routes: Array<[string, string, number, number]> = [
      // method, path, plain user, admin
      ['get', '/api/ops/health/fleet', 200, 200],
      ['get', '/api/ops/health/entities/component/default/api', 200, 200],
      [
        'get',
        '/api/ops/health/entities/component/default/api/history?range=24h',
        200,
        200,
      ],
      [
        'post',
        '/api/ops/health/entities/component/default/api/probe',
        403,
        200,
      ],
      ['get', '/api/ops/audit', 403, 200],
    ];
    it.each(routes)(
      '%s %s: 401 without credentials, %s for a plain user, %s for an ops admin',
      async (method, path, plain, admin) => {
        const call = () =>
          (request(server) as any)[method](path) as request.Test;
        expect((await call()).status).toBe(401);
        expect((await as(PLAIN)(call())).status).toBe(plain);
        expect((await as(ADMIN)(call())).status).toBe(admin);
      },
    );

    it('refuses service principals on user routes', async () => {
      const res = await request(server)
        .get('/api/ops/health/fleet')
        .set('authorization', mockCredentials.service.header());
      expect(res.status).toBe(403);
    });
  });

  it('summarises the fleet with statuses, reasons and sources', async () => {
    const res = await as(PLAIN)(request(server).get('/api/ops/health/fleet'));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    const byRef = Object.fromEntries(
      res.body.targets.map((t: any) => [t.entityRef, t]),
    );
    expect(Object.keys(byRef).sort()).toEqual([
      'component:default/api',
      'component:default/outside',
      'component:default/worker',
    ]);
    expect(byRef['component:default/api']).toMatchObject({
      status: 'pass',
      owner: 'group:default/team-a',
      system: 'system:default/mail',
      lastHttpStatus: 200,
      windows: {
        '24h': { samples: expect.any(Number), uptime: 1, errorRate: 0 },
      },
    });
    expect(byRef['component:default/api'].latencyP95Ms).toBeGreaterThan(0);
    expect(byRef['component:default/worker']).toMatchObject({
      status: 'fail',
      reason: 'HTTP 503',
      lastHttpStatus: 503,
    });
    expect(byRef['component:default/worker'].windows['24h'].uptime).toBe(0);
    expect(byRef['component:default/outside'].status).toBe('misconfigured');
    expect(byRef['component:default/outside'].reason).toContain(
      'not in ops.health.allowedHosts',
    );
    expect(res.body.sources).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'targets:catalog', status: 'ok' }),
        expect.objectContaining({ id: 'prober', status: 'ok' }),
      ]),
    );
  });

  it('serves the fleet summary gzipped to clients that accept it, plain to others', async () => {
    const zipped = await as(PLAIN)(
      request(server)
        .get('/api/ops/health/fleet')
        .set('accept-encoding', 'gzip'),
    );
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.body.targets).toHaveLength(3); // supertest decodes it
    const plain = await as(PLAIN)(
      request(server)
        .get('/api/ops/health/fleet')
        .set('accept-encoding', 'identity'),
    );
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.targets).toHaveLength(3);
    const uptime = plain.body.targets[0].windows['24h'].uptime;
    expect(uptime).toBe(Math.round(uptime * 10000) / 10000);
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await as(PLAIN)(request(server).get('/api/ops/health/fleet'));
    const second = await as(PLAIN)(
      request(server)
        .get('/api/ops/health/fleet')
        .set('if-none-match', first.headers.etag),
    );
    expect(second.status).toBe(304);
  });

  it('returns entity health with checks, and 404 for an unknown entity', async () => {
    const res = await as(PLAIN)(
      request(server).get('/api/ops/health/entities/component/default/api'),
    );
    expect(res.body.target.status).toBe('pass');
    expect(res.body.checks).toEqual([
      expect.objectContaining({
        name: 'sqlite:responseTime',
        observedValue: 2,
      }),
    ]);
    const worker = await as(PLAIN)(
      request(server).get('/api/ops/health/entities/component/default/worker'),
    );
    expect(worker.body.recentFailures[0]).toMatchObject({
      status: 'fail',
      httpStatus: 503,
    });
    const missing = await as(PLAIN)(
      request(server).get(
        '/api/ops/health/entities/component/default/no-annotation',
      ),
    );
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toContain('opsconsole.io/health-url');
  });

  it('returns history buckets for each range', async () => {
    for (const [range, bucketSeconds, count] of [
      ['1h', 60, 60],
      ['24h', 900, 96],
      ['7d', 3600, 168],
      ['30d', 21600, 120],
    ] as const) {
      const res = await as(PLAIN)(
        request(server).get(
          `/api/ops/health/entities/component/default/api/history?range=${range}`,
        ),
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        entityRef: 'component:default/api',
        range,
        bucketSeconds,
      });
      expect(res.body.buckets).toHaveLength(count);
      const total = res.body.buckets.reduce(
        (n: number, b: any) => n + b.samples,
        0,
      );
      expect(total).toBeGreaterThan(0);
    }
  });

  it.each([
    [
      '/api/ops/health/entities/component/default/api/history?range=2d',
      'range',
    ],
    [
      '/api/ops/health/entities/component/default/api/history?buckets=0',
      'buckets',
    ],
    ['/api/ops/audit?limit=abc', 'limit'],
    ['/api/ops/audit?limit=100000', 'limit'],
  ])('rejects bad query %s with a 400 naming %s', async (path, param) => {
    const res = await as(ADMIN)(request(server).get(path));
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toContain(param);
  });

  it('probes now, records the result, and audits who did it', async () => {
    failing.respond({ body: healthDoc('pass') });
    const res = await as(ADMIN)(
      request(server).post(
        '/api/ops/health/entities/component/default/worker/probe',
      ),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      entityRef: 'component:default/worker',
      status: 'pass',
      httpStatus: 200,
    });
    const entity = await as(PLAIN)(
      request(server).get('/api/ops/health/entities/component/default/worker'),
    );
    expect(entity.body.target.status).toBe('pass');
    const audit = await as(ADMIN)(
      request(server).get(
        `/api/ops/audit?targetRef=${encodeURIComponent(
          'component:default/worker',
        )}`,
      ),
    );
    expect(audit.body.events[0]).toMatchObject({
      actor: ADMIN,
      action: 'health-probe',
      targetRef: 'component:default/worker',
      outcome: 'success',
      details: { status: 'pass', httpStatus: 200 },
    });
  });

  it('audits a failed probe-now of an unknown entity as a failure', async () => {
    const res = await as(ADMIN)(
      request(server).post(
        '/api/ops/health/entities/component/default/nope/probe',
      ),
    );
    expect(res.status).toBe(404);
    const audit = await as(ADMIN)(
      request(server).get(
        `/api/ops/audit?targetRef=${encodeURIComponent(
          'component:default/nope',
        )}`,
      ),
    );
    expect(audit.body.events[0]).toMatchObject({
      outcome: 'failure',
      actor: ADMIN,
    });
  });

  it('does not audit a denied probe as an action', async () => {
    await as(PLAIN)(
      request(server).post(
        '/api/ops/health/entities/component/default/api/probe',
      ),
    );
    const audit = await as(ADMIN)(request(server).get('/api/ops/audit'));
    expect(audit.body.events.some((e: any) => e.actor === PLAIN)).toBe(false);
  });
});
