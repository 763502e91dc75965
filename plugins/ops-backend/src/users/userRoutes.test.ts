import request from 'supertest';
import { ADMIN, as, PLAIN } from '../__testUtils__/examplePolicyPermissions';
import { describePermissionMatrix } from '../__testUtils__/permissionMatrix';
import { InMemoryPlatformProvider } from '../platform/__testUtils__/InMemoryPlatformProvider';
import {
  annaLogins,
  tenant,
  user,
} from '../platform/__testUtils__/platformFixtures';
import { startOpsWithPlatforms } from '../platform/__testUtils__/startOpsWithPlatforms';

jest.setTimeout(60_000);

describe('user routes', () => {
  const eu = new InMemoryPlatformProvider('eu', {
    tenants: [tenant('acme')],
    users: [
      user('u-anna', 'acme', {
        name: 'Anna Schmidt',
        email: 'anna.schmidt@acme.example',
      }),
    ],
    logins: annaLogins,
  });
  const down = new InMemoryPlatformProvider('us');
  down.failWith = new Error(
    'Platform Admin API searchUsers failed: ECONNREFUSED',
  );
  let server: Awaited<ReturnType<typeof startOpsWithPlatforms>>['server'];
  let stop: () => Promise<void>;

  beforeAll(async () => {
    ({ server, stop } = await startOpsWithPlatforms({
      providers: [eu, down],
    }));
  });
  afterAll(() => stop());

  const get = (path: string, who?: string) =>
    as(who)(request(server).get(path));

  const auditOf = async (action: string) =>
    (await get('/api/ops/audit?limit=500', ADMIN)).body.events.filter(
      (e: any) => e.action === action,
    );

  describePermissionMatrix(
    () => server,
    [
      // path, plain user, ops admin
      ['/api/ops/users/search?q=anna', 200, 200],
      ['/api/ops/users/search?q=anna&reveal=true', 403, 200],
      ['/api/ops/users/u-anna', 200, 200],
      ['/api/ops/users/u-anna?reveal=true', 403, 200],
    ],
  );

  it('searches with emails masked for a plain user, and reports the platform that is down', async () => {
    const res = await get('/api/ops/users/search?q=anna', PLAIN);
    expect(res.body).toEqual({
      query: 'anna',
      users: [
        {
          id: 'u-anna',
          name: 'Anna Schmidt',
          email: 'a***@acme.example',
          tenant: { id: 'acme', entityRef: 'tenant:default/acme' },
          role: 'member',
          status: 'active',
          source: 'eu',
        },
      ],
      revealed: false,
      sources: [
        { id: 'eu', status: 'ok' },
        {
          id: 'us',
          status: 'degraded',
          error: 'Platform Admin API searchUsers failed: ECONNREFUSED',
        },
      ],
    });
  });

  it('reveals emails to an ops admin who asks, and audits the reveal with the query', async () => {
    const res = await get('/api/ops/users/search?q=schmidt&reveal=true', ADMIN);
    expect(res.body.revealed).toBe(true);
    expect(res.body.users[0].email).toBe('anna.schmidt@acme.example');
    const [event] = await auditOf('user-pii-reveal');
    expect(event).toMatchObject({
      actor: ADMIN,
      outcome: 'success',
      details: { query: 'schmidt', userIds: ['u-anna'] },
    });
  });

  it('masks for an ops admin who does not ask, without auditing', async () => {
    const before = (await auditOf('user-pii-reveal')).length;
    const res = await get('/api/ops/users/search?q=schmidt', ADMIN);
    expect(res.body.users[0].email).toBe('a***@acme.example');
    expect(await auditOf('user-pii-reveal')).toHaveLength(before);
  });

  it('does not audit a refused reveal', async () => {
    await get('/api/ops/users/search?q=refused&reveal=true', PLAIN);
    const events = await auditOf('user-pii-reveal');
    expect(events.some((e: any) => e.actor === PLAIN)).toBe(false);
  });

  it('gives the user detail with masked IPs, and audits a revealed one against the tenant', async () => {
    const masked = await get('/api/ops/users/u-anna', PLAIN);
    expect(masked.status).toBe(200);
    expect(masked.body.logins.length).toBeGreaterThan(0);
    expect(JSON.stringify(masked.body)).not.toMatch(/45\.155\.205\.17/);
    expect(masked.body.pattern.unusual).toContainEqual(
      expect.objectContaining({ kind: 'failed-burst', value: '45.155.*.*' }),
    );
    const revealed = await get('/api/ops/users/u-anna?reveal=true', ADMIN);
    expect(JSON.stringify(revealed.body)).toMatch(/45\.155\.205\.17/);
    const [event] = await auditOf('user-pii-reveal');
    expect(event).toMatchObject({
      actor: ADMIN,
      details: { userId: 'u-anna', tenantId: 'acme' },
    });
  });

  it.each([
    ['/api/ops/users/search?q=a', 'q'],
    ['/api/ops/users/search', 'q'],
    ['/api/ops/users/search?q=anna&limit=0', 'limit'],
    ['/api/ops/users/search?q=anna&reveal=maybe', 'reveal'],
  ])('rejects %s with a 400 naming %s', async (path, param) => {
    const res = await get(path, PLAIN);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toContain(param);
  });

  it('explains a query that is too short once trimmed', async () => {
    const res = await get('/api/ops/users/search?q=%20a%20', PLAIN);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      'Search query q must be at least 2 characters, got "a"',
    );
  });

  it('503s an unknown user while a platform that might have it is down, naming it', async () => {
    const res = await get('/api/ops/users/nobody', PLAIN);
    expect(res.status).toBe(503);
    expect(res.body.error.message).toContain('No user with id "nobody"');
    expect(res.body.error.message).toContain('us: Platform Admin API');
  });
});
