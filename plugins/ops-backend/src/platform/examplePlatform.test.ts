import {
  RunningPlatform,
  silentLogger,
  startPlatform,
} from '@opsconsole/backstage-plugin-example-platform';
import request from 'supertest';
import { ADMIN, as, PLAIN } from '../__testUtils__/examplePolicyPermissions';
import { startOpsWithPlatforms } from './__testUtils__/startOpsWithPlatforms';

jest.setTimeout(60_000);

const TOKEN = 'ops-backend-test-token';

/**
 * ops-backend reading the real example platform through the built-in Platform Admin API
 * client, configured the way an adopter does it (`ops.platform.baseUrl` + `token`).
 */
describe('users and tenants against the example platform', () => {
  let platform: RunningPlatform;
  let server: Awaited<ReturnType<typeof startOpsWithPlatforms>>['server'];
  let stop: () => Promise<void>;

  beforeAll(async () => {
    platform = await startPlatform({
      dbPath: ':memory:',
      ports: { api: 0, worker: 0, scheduler: 0 },
      traffic: false,
      logger: silentLogger,
      env: {},
      apiToken: TOKEN,
    });
    ({ server, stop } = await startOpsWithPlatforms({
      config: {
        ops: {
          platform: {
            baseUrl: `${platform.urls.api}/admin-api/v1`,
            token: TOKEN,
          },
        },
      },
    }));
  });

  afterAll(async () => {
    await stop();
    await platform.close();
  });

  const get = (path: string, who = PLAIN) => as(who)(request(server).get(path));

  it('searches users across tenants, masked', async () => {
    const res = await get('/api/ops/users/search?q=road');
    expect(res.status).toBe(200);
    expect(res.body.sources).toEqual([{ id: 'platform', status: 'ok' }]);
    const road = res.body.users.find((u: any) => u.id === 'acme:road.runner');
    expect(road).toMatchObject({
      tenant: { id: 'acme', entityRef: 'tenant:default/acme' },
      status: expect.any(String),
      source: 'platform',
      email: expect.stringMatching(/^r\*\*\*@/),
    });
  });

  it("gives a user's memberships, logins and pattern with the seeded credential stuffing flagged", async () => {
    const res = await get('/api/ops/users/acme%3Aroad.runner');
    expect(res.status).toBe(200);
    expect(res.body.memberships.map((m: any) => m.tenant.id)).toContain('acme');
    expect(res.body.logins.length).toBeGreaterThan(20);
    expect(res.body.logins.every((l: any) => /\*/.test(l.ip))).toBe(true);
    expect(res.body.pattern.days).toHaveLength(30);
    const failed = res.body.pattern.days.reduce(
      (n: number, d: any) => n + d.failed,
      0,
    );
    expect(failed).toBeGreaterThan(0);
    expect(res.body.pattern.unusual).toContainEqual(
      expect.objectContaining({ kind: 'country', value: 'RU' }),
    );
    expect(res.body.sources).toEqual([{ id: 'platform', status: 'ok' }]);
  });

  it('reveals the email and IPs to an ops admin who asks', async () => {
    const res = await get(
      '/api/ops/users/acme%3Aroad.runner?reveal=true',
      ADMIN,
    );
    expect(res.body.revealed).toBe(true);
    expect(res.body.user.email).not.toContain('***');
    expect(res.body.logins[0].ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it("gives the platform's view of a tenant", async () => {
    const res = await get('/api/ops/tenants/acme');
    expect(res.body.tenant).toMatchObject({
      id: 'acme',
      tier: 'enterprise',
      status: 'active',
      adminEmail: 'w***@acme.example.com',
      source: 'platform',
    });
    expect((await get('/api/ops/tenants/nope')).status).toBe(404);
  });

  it("gives the tenant's deliverability against the fleet's from the seeded history", async () => {
    const res = await get('/api/ops/tenants/acme/deliverability?range=30d');
    expect(res.status).toBe(200);
    expect(res.body.buckets).toHaveLength(120);
    const { tenant, fleet } = res.body.totals;
    expect(tenant.sent).toBeGreaterThan(0);
    expect(fleet.sent).toBeGreaterThan(tenant.sent);
    expect(tenant.deliveryRate).toBeGreaterThan(0);
    expect(tenant.deliveryRate).toBeLessThanOrEqual(1);
    expect(tenant.delivered + tenant.bounced).toBe(tenant.sent);
  });
});

describe('users and tenants when the platform is down', () => {
  let server: Awaited<ReturnType<typeof startOpsWithPlatforms>>['server'];
  let stop: () => Promise<void>;

  beforeAll(async () => {
    ({ server, stop } = await startOpsWithPlatforms({
      config: {
        ops: {
          platform: { baseUrl: 'http://127.0.0.1:1/admin-api/v1', token: 't' },
        },
      },
    }));
  });
  afterAll(() => stop());

  it('answers the search with the source degraded instead of failing', async () => {
    const res = await as(PLAIN)(
      request(server).get('/api/ops/users/search?q=road'),
    );
    expect(res.status).toBe(200);
    expect(res.body.users).toEqual([]);
    expect(res.body.sources).toEqual([
      {
        id: 'platform',
        status: 'degraded',
        error: expect.stringContaining('Platform Admin API searchUsers'),
      },
    ]);
  });

  it('503s a user detail, naming the platform that failed', async () => {
    const res = await as(PLAIN)(
      request(server).get('/api/ops/users/acme%3Aroad.runner'),
    );
    expect(res.status).toBe(503);
    expect(res.body.error.message).toContain(
      'failed sources: platform: Platform Admin API getUser',
    );
  });
});
