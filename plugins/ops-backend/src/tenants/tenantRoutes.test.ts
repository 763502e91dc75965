import request from 'supertest';
import { ADMIN, as, PLAIN } from '../__testUtils__/examplePolicyPermissions';
import { describePermissionMatrix } from '../__testUtils__/permissionMatrix';
import { InMemoryPlatformProvider } from '../platform/__testUtils__/InMemoryPlatformProvider';
import { tenant, user } from '../platform/__testUtils__/platformFixtures';
import { startOpsWithPlatforms } from '../platform/__testUtils__/startOpsWithPlatforms';

jest.setTimeout(60_000);

const hourAgo = () => {
  const hour = 3_600_000;
  return new Date((Math.floor(Date.now() / hour) - 1) * hour).toISOString();
};

describe('tenant routes', () => {
  const start = hourAgo();
  const eu = new InMemoryPlatformProvider('eu', {
    tenants: [tenant('acme', { adminEmail: 'ada@acme.example' })],
    users: [user('u-anna', 'acme', { name: 'Anna' })],
    deliverability: {
      acme: [{ start, sent: 100, delivered: 90, bounced: 10, complaints: 1 }],
      initech: [
        { start, sent: 100, delivered: 100, bounced: 0, complaints: 0 },
      ],
    },
  });
  let server: Awaited<ReturnType<typeof startOpsWithPlatforms>>['server'];
  let stop: () => Promise<void>;

  beforeAll(async () => {
    ({ server, stop } = await startOpsWithPlatforms({ providers: [eu] }));
  });
  afterAll(() => stop());

  const get = (path: string, who?: string) =>
    as(who)(request(server).get(path));

  describePermissionMatrix(
    () => server,
    [
      // path, plain user, ops admin
      ['/api/ops/tenants/acme', 200, 200],
      ['/api/ops/tenants/acme?reveal=true', 403, 200],
      ['/api/ops/tenants/acme/users', 200, 200],
      ['/api/ops/tenants/acme/users?reveal=true', 403, 200],
      ['/api/ops/tenants/acme/deliverability', 200, 200],
      ['/api/ops/tenants/acme/deliverability?range=30d', 200, 200],
      ['/api/ops/tenants/acme/timeline', 403, 200],
    ],
  );

  it("gives the platform's view of the tenant with the admin email masked", async () => {
    const res = await get('/api/ops/tenants/acme', PLAIN);
    expect(res.body.tenant).toMatchObject({
      id: 'acme',
      entityRef: 'tenant:default/acme',
      tier: 'pro',
      status: 'active',
      adminEmail: 'a***@acme.example',
    });
    const missing = await get('/api/ops/tenants/nope', PLAIN);
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe(
      'No tenant with id "nope" in any platform source',
    );
  });

  it("lists the tenant's users masked", async () => {
    const res = await get('/api/ops/tenants/acme/users', PLAIN);
    expect(res.body.users.map((u: any) => [u.id, u.email])).toEqual([
      ['u-anna', 'u***@acme.example'],
    ]);
  });

  it("gives hourly deliverability against the fleet's", async () => {
    const res = await get('/api/ops/tenants/acme/deliverability', PLAIN);
    expect(res.status).toBe(200);
    expect(res.body.bucketSeconds).toBe(3600);
    expect(res.body.buckets).toHaveLength(168);
    const bucket = res.body.buckets.find((b: any) => b.start === start);
    expect(bucket.tenant).toMatchObject({ sent: 100, deliveryRate: 0.9 });
    expect(bucket.fleet).toMatchObject({ sent: 200, deliveryRate: 0.95 });
  });

  it('audits revealing the admin email against the tenant, and shows it on the timeline', async () => {
    const res = await get('/api/ops/tenants/acme?reveal=true', ADMIN);
    expect(res.body.tenant.adminEmail).toBe('ada@acme.example');
    const timeline = await get('/api/ops/tenants/acme/timeline', ADMIN);
    expect(timeline.body.tenant).toEqual({
      id: 'acme',
      entityRef: 'tenant:default/acme',
    });
    expect(timeline.body.events[0]).toMatchObject({
      actor: ADMIN,
      action: 'user-pii-reveal',
      targetRef: 'tenant:default/acme',
      outcome: 'success',
      details: { tenantId: 'acme', fields: ['adminEmail'] },
    });
    const other = await get('/api/ops/tenants/globex/timeline', ADMIN);
    expect(other.body.events).toEqual([]);
  });

  it.each([
    ['/api/ops/tenants/acme/deliverability?range=90d', 'range'],
    ['/api/ops/tenants/acme/timeline?limit=0', 'limit'],
    ['/api/ops/tenants/acme/timeline?limit=lots', 'limit'],
    ['/api/ops/tenants/ACME', 'tenantId'],
    ['/api/ops/tenants/-acme/users', 'tenantId'],
  ])('rejects %s with a 400 naming %s', async (path, param) => {
    const res = await get(path, ADMIN);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toContain(param);
  });
});
