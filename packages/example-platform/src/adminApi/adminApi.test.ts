import { contractClient, ContractValidator } from '../__testUtils__/contract';
import { startTestPlatform } from '../__testUtils__/testPlatform';
import { RunningPlatform } from '../platform';

const TOKEN = 'test-admin-api-token';
const HOUR = 3_600_000;

describe('Platform Admin API on the api role', () => {
  let platform: RunningPlatform;
  let get: ReturnType<typeof contractClient>;
  let startedAt: number;

  beforeAll(async () => {
    startedAt = Date.now();
    platform = await startTestPlatform({ apiToken: TOKEN });
    get = contractClient(platform.urls.api, new ContractValidator(), TOKEN);
  });

  afterAll(async () => {
    await platform.close();
  });

  describe('authentication', () => {
    it('answers 401 without a token and with a wrong one', async () => {
      const missing = await get('/tenants', { token: null });
      expect(missing.status).toBe(401);
      expect(missing.body.error.message).toContain('Authorization: Bearer');
      const wrong = await get('/tenants', { token: 'nope' });
      expect(wrong.status).toBe(401);
      expect(wrong.body.error.message).toBe(
        'The bearer token is not valid for the Platform Admin API',
      );
    });

    it('protects every path under the base path, known or not', async () => {
      const res = await fetch(`${platform.urls.api}/admin-api/v1/whatever`);
      expect(res.status).toBe(401);
      const authed = await fetch(`${platform.urls.api}/admin-api/v1/whatever`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(authed.status).toBe(404);
    });

    it('accepts the token from EXAMPLE_PLATFORM_API_TOKEN, else the dev default with a warning', async () => {
      const fromEnv = await startTestPlatform({
        env: { EXAMPLE_PLATFORM_API_TOKEN: 'env-token' },
      });
      const warn = jest.fn();
      const devDefault = await startTestPlatform({
        logger: { debug() {}, info() {}, error() {}, warn },
      });
      try {
        const status = async (url: string, token: string) =>
          (
            await fetch(`${url}/admin-api/v1/tenants`, {
              headers: { authorization: `Bearer ${token}` },
            })
          ).status;
        expect(await status(fromEnv.urls.api, 'env-token')).toBe(200);
        expect(
          await status(fromEnv.urls.api, 'dev-example-platform-token'),
        ).toBe(401);
        expect(
          await status(devDefault.urls.api, 'dev-example-platform-token'),
        ).toBe(200);
        expect(warn).toHaveBeenCalledWith(
          expect.stringContaining('dev default token'),
        );
      } finally {
        await fromEnv.close();
        await devDefault.close();
      }
    });
  });

  describe('tenants', () => {
    it('lists every tenant with its admin', async () => {
      const { status, body } = await get('/tenants');
      expect(status).toBe(200);
      expect(body.items.map((t: { id: string }) => t.id)).toEqual([
        'acme',
        'globex',
        'hooli',
        'initech',
        'stark',
        'umbrella',
      ]);
      expect(body.items[0]).toEqual({
        id: 'acme',
        name: 'Acme Corporation',
        tier: 'enterprise',
        region: 'eu-west-1',
        status: 'active',
        adminEmail: 'wile.coyote@acme.example.com',
        adminName: 'Wile Coyote',
        createdAt: '2023-02-14T09:00:00.000Z',
      });
    });

    it('gets one tenant, 404 for an unknown one', async () => {
      expect((await get('/tenants/stark')).body).toMatchObject({
        id: 'stark',
        status: 'suspended',
        tier: 'free',
      });
      const missing = await get('/tenants/nope');
      expect(missing.status).toBe(404);
      expect(missing.body.error.message).toBe('No tenant with id "nope"');
    });

    it("lists a tenant's users of every status by name", async () => {
      const { body } = await get('/tenants/acme/users');
      expect(body.items.map((u: { name: string }) => u.name)).toEqual([
        'Elmer Fudd',
        'Marvin Martian',
        'Road Runner',
        'Wile Coyote',
      ]);
      const elmer = body.items[0];
      expect(elmer).toEqual({
        id: 'acme:elmer.fudd',
        tenantId: 'acme',
        email: 'elmer.fudd@acme.example.com',
        name: 'Elmer Fudd',
        role: 'member',
        status: 'invited',
      }); // never logged in: no lastLoginAt
      expect(body.items[3].lastLoginAt).toEqual(expect.any(String));
      expect((await get('/tenants/nope/users')).status).toBe(404);
    });
  });

  describe('user search', () => {
    it('finds users of every tenant by email, name or id, case-insensitive', async () => {
      const byName = await get('/users?q=RUNNER');
      expect(byName.body.items.map((u: { id: string }) => u.id)).toEqual([
        'acme:road.runner',
      ]);
      const byEmail = await get(`/users?q=${encodeURIComponent('@globex.')}`);
      expect(byEmail.body.items).toHaveLength(3);
      expect(
        byEmail.body.items.every(
          (u: { tenantId: string }) => u.tenantId === 'globex',
        ),
      ).toBe(true);
      const byId = await get(`/users?q=${encodeURIComponent('hooli:gav')}`);
      expect(byId.body.items.map((u: { name: string }) => u.name)).toEqual([
        'Gavin Belson',
      ]);
    });

    it('honours limit and treats LIKE wildcards literally', async () => {
      expect((await get('/users?q=example&limit=2')).body.items).toHaveLength(
        2,
      );
      expect((await get('/users?q=example')).body.items).toHaveLength(18);
      expect((await get('/users?q=%25%25')).body.items).toEqual([]);
      expect((await get('/users?q=__')).body.items).toEqual([]);
    });

    it('rejects a missing or short query and a bad limit with 400', async () => {
      const missing = await get('/users');
      expect(missing.status).toBe(400);
      expect(missing.body.error.message).toBe(
        'Query parameter q is required and must have at least 2 characters',
      );
      expect((await get('/users?q=%20a%20')).status).toBe(400);
      const limit = await get('/users?q=acme&limit=500');
      expect(limit.status).toBe(400);
      expect(limit.body.error.message).toBe(
        'Query parameter limit must be an integer from 1 to 200, got "500"',
      );
      expect((await get('/users?q=acme&limit=0')).status).toBe(400);
      expect((await get('/users?q=acme&limit=2.5')).status).toBe(400);
      expect((await get('/users?q=ac&q=me')).status).toBe(400);
    });
  });

  describe('users and logins', () => {
    it('gets a user by an id that needs encoding, 404 for an unknown one', async () => {
      const { body } = await get(
        `/users/${encodeURIComponent('acme:wile.coyote')}`,
      );
      expect(body).toMatchObject({
        id: 'acme:wile.coyote',
        role: 'owner',
        status: 'active',
      });
      expect((await get('/users/acme%3Anobody')).status).toBe(404);
    });

    it('lists logins newest first with their source, filtered by since and limit', async () => {
      const id = encodeURIComponent('acme:road.runner');
      const all = (await get(`/users/${id}/logins?limit=1000`)).body.items;
      expect(all.length).toBeGreaterThan(20);
      const times = all.map((l: { at: string }) => Date.parse(l.at));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
      expect(all[0]).toEqual({
        userId: 'acme:road.runner',
        at: expect.any(String),
        success: expect.any(Boolean),
        ip: expect.stringMatching(/^\d+\.\d+\.\d+\.\d+$/),
        userAgent: expect.any(String),
        country: expect.stringMatching(/^[A-Z]{2}$/),
      });

      const since = new Date(Date.now() - 7 * 24 * HOUR).toISOString();
      const recent = (
        await get(`/users/${id}/logins?limit=1000&since=${since}`)
      ).body.items;
      expect(recent.length).toBeLessThan(all.length);
      expect(recent.every((l: { at: string }) => l.at >= since)).toBe(true);
      expect(recent).toEqual(all.filter((l: { at: string }) => l.at >= since));

      expect((await get(`/users/${id}/logins?limit=3`)).body.items).toEqual(
        all.slice(0, 3),
      );
      expect((await get(`/users/${id}/logins`)).body.items).toHaveLength(
        Math.min(100, all.length),
      );
    });

    it('rejects a bad since or limit with 400 and an unknown user with 404', async () => {
      const id = encodeURIComponent('acme:road.runner');
      const since = await get(`/users/${id}/logins?since=yesterday`);
      expect(since.status).toBe(400);
      expect(since.body.error.message).toContain(
        'Query parameter since must be an ISO 8601 date-time',
      );
      expect((await get(`/users/${id}/logins?limit=1001`)).status).toBe(400);
      expect((await get('/users/nobody/logins')).status).toBe(404);
    });
  });

  describe('deliverability', () => {
    // the last whole hour of the seeded history
    const lastHour = () => Math.floor(startedAt / HOUR) * HOUR - HOUR;

    it('answers contiguous buckets from `from`, including empty ones', async () => {
      const to = lastHour();
      const from = to - 48 * HOUR;
      const { body } = await get(
        `/deliverability?tenantId=acme&from=${new Date(
          from,
        ).toISOString()}&to=${new Date(to).toISOString()}&interval=3600`,
      );
      expect(body.items).toHaveLength(48);
      body.items.forEach((p: { start: string }, i: number) =>
        expect(p.start).toBe(new Date(from + i * HOUR).toISOString()),
      );
      expect(
        body.items.every(
          (p: { sent: number; delivered: number; bounced: number }) =>
            p.sent > 0 && p.delivered === p.sent - p.bounced,
        ),
      ).toBe(true);

      // stark was suspended 12 days ago: nothing since
      const stark = await get(
        `/deliverability?tenantId=stark&from=${new Date(
          from,
        ).toISOString()}&to=${new Date(to).toISOString()}`,
      );
      expect(stark.body.items).toHaveLength(48);
      expect(
        stark.body.items.every(
          (p: { sent: number; complaints: number }) =>
            p.sent === 0 && p.complaints === 0,
        ),
      ).toBe(true);
    });

    it('sums the fleet when tenantId is omitted, and defaults the interval to an hour', async () => {
      const to = lastHour();
      const from = to - 24 * HOUR;
      const range = `from=${new Date(from).toISOString()}&to=${new Date(
        to,
      ).toISOString()}`;
      const fleet = (await get(`/deliverability?${range}`)).body.items;
      expect(fleet).toHaveLength(24);
      const tenants = (await get('/tenants')).body.items as Array<{
        id: string;
      }>;
      const perTenant = await Promise.all(
        tenants.map(
          async t =>
            (
              await get(`/deliverability?tenantId=${t.id}&${range}`)
            ).body.items as Array<{ sent: number; bounced: number }>,
        ),
      );
      for (let i = 0; i < 24; i++) {
        expect(fleet[i].sent).toBe(
          perTenant.reduce((sum, items) => sum + items[i].sent, 0),
        );
        expect(fleet[i].bounced).toBe(
          perTenant.reduce((sum, items) => sum + items[i].bounced, 0),
        );
      }
      // a 6-hour interval folds six hourly buckets into one
      const wide = (await get(`/deliverability?${range}&interval=21600`)).body
        .items;
      expect(wide).toHaveLength(4);
      expect(wide[0].sent).toBe(
        fleet
          .slice(0, 6)
          .reduce((s: number, p: { sent: number }) => s + p.sent, 0),
      );
    });

    it('has 30 days of history', async () => {
      const to = lastHour();
      const from = to - 30 * 24 * HOUR;
      const { body } = await get(
        `/deliverability?tenantId=globex&from=${new Date(
          from,
        ).toISOString()}&to=${new Date(to).toISOString()}&interval=86400`,
      );
      expect(body.items).toHaveLength(30);
      expect(body.items.every((p: { sent: number }) => p.sent > 0)).toBe(true);
    });

    it('rejects bad ranges with 400 and an unknown tenant with 404', async () => {
      const now = new Date().toISOString();
      const earlier = new Date(Date.now() - HOUR).toISOString();
      const cases: Array<[string, string]> = [
        [`to=${now}`, 'Query parameter from is required'],
        [`from=${earlier}&to=${earlier}`, 'must be after from'],
        [
          `from=${earlier}&to=${now}&interval=59`,
          'interval must be an integer from 60 up',
        ],
        [
          `from=${earlier}&to=${now}&interval=abc`,
          'interval must be an integer',
        ],
        [`from=2026-01-01&to=${now}`, 'from must be an ISO 8601 date-time'],
        [
          `from=2020-01-01T00:00:00Z&to=${now}&interval=60`,
          'at most 10000 are allowed',
        ],
      ];
      for (const [query, message] of cases) {
        const res = await get(`/deliverability?${query}`);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain(message);
      }
      const unknown = await get(
        `/deliverability?tenantId=nope&from=${earlier}&to=${now}`,
      );
      expect(unknown.status).toBe(404);
    });
  });

  describe('feature evaluations', () => {
    it('is empty before the tenant sent mail, 404 for an unknown tenant', async () => {
      expect((await get('/tenants/umbrella/feature-evaluations')).body).toEqual(
        { items: [] },
      );
      expect((await get('/tenants/nope/feature-evaluations')).status).toBe(404);
    });

    it('reports what the platform evaluated when it sent mail', async () => {
      const sent = await fetch(`${platform.urls.api}/tenants/hooli/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ recipient: 'a@example.net', subject: 'Hi' }),
      });
      expect(sent.status).toBe(202);
      const { body } = await get('/tenants/hooli/feature-evaluations');
      expect(body.items).toEqual([
        {
          flagKey: 'ai-composer',
          value: false,
          reason: expect.any(String),
          errorCode: expect.any(String),
          errorMessage: expect.any(String),
          evaluatedAt: expect.any(String),
        },
      ]);
    });
  });
});
