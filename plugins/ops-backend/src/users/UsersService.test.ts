import { InMemoryPlatformProvider } from '../platform/__testUtils__/InMemoryPlatformProvider';
import {
  annaLogins,
  SERIES_NOW,
  tenant,
  user,
} from '../platform/__testUtils__/platformFixtures';
import { PlatformSources } from '../platform/PlatformSources';
import { UsersService } from './UsersService';

function setup() {
  const eu = new InMemoryPlatformProvider('eu', {
    tenants: [tenant('acme')],
    users: [
      user('u-anna', 'acme', {
        name: 'Anna Schmidt',
        email: 'anna.schmidt@acme.example',
        role: 'owner',
        lastLoginAt: '2026-11-24T07:58:00.000Z',
      }),
      user('u-bob', 'acme', { name: 'Bob Annan', status: 'invited' }),
      user('u-carl', 'acme', { name: 'Carl' }),
    ],
    logins: annaLogins,
  });
  const us = new InMemoryPlatformProvider('us', {
    tenants: [tenant('globex')],
    users: [
      user('u-anna-g', 'globex', {
        name: 'Anna Schmidt',
        email: 'Anna.Schmidt@acme.example',
        role: 'billing',
      }),
      user('u-dora', 'globex', { name: 'Dora' }),
      user('u-an', 'globex', { name: 'Zed' }),
    ],
  });
  const service = new UsersService({
    sources: new PlatformSources([eu, us]),
    now: () => SERIES_NOW,
  });
  return { eu, us, service };
}

describe('UsersService', () => {
  describe('search', () => {
    it('searches every platform by name, email or id, with emails masked', async () => {
      const { service } = setup();
      const result = await service.search({
        query: 'anna',
        limit: 50,
        reveal: false,
      });
      expect(result.users).toEqual([
        {
          id: 'u-anna',
          name: 'Anna Schmidt',
          email: 'a***@acme.example',
          tenant: { id: 'acme', entityRef: 'tenant:default/acme' },
          role: 'owner',
          status: 'active',
          lastLoginAt: '2026-11-24T07:58:00.000Z',
          source: 'eu',
        },
        expect.objectContaining({ id: 'u-anna-g', email: 'A***@acme.example' }),
        expect.objectContaining({ id: 'u-bob', email: 'u***@acme.example' }),
      ]);
      expect(result.revealed).toBe(false);
      expect(result.sources).toEqual([
        { id: 'eu', status: 'ok' },
        { id: 'us', status: 'ok' },
      ]);
      expect(JSON.stringify(result)).not.toContain('schmidt@');
    });

    it('shows emails when revealing', async () => {
      const { service } = setup();
      const result = await service.search({
        query: 'u-dora',
        limit: 50,
        reveal: true,
      });
      expect(result.users.map(u => u.email)).toEqual(['u-dora@globex.example']);
      expect(result.revealed).toBe(true);
    });

    it('puts exact id or email matches first and honours the limit', async () => {
      const { service } = setup();
      const result = await service.search({
        query: 'u-carl',
        limit: 1,
        reveal: false,
      });
      expect(result.users.map(u => u.id)).toEqual(['u-carl']);
      // by name Zed would come last; the exact id match comes first
      const all = await service.search({
        query: 'U-AN',
        limit: 50,
        reveal: false,
      });
      expect(all.users.map(u => u.id)).toEqual(['u-an', 'u-anna', 'u-anna-g']);
    });

    it.each(['', 'a', '  b  '])(
      'rejects the query %p as too short',
      async query => {
        const { service } = setup();
        await expect(
          service.search({ query, limit: 10, reveal: false }),
        ).rejects.toMatchObject({
          name: 'InputError',
          message: expect.stringContaining(
            'Search query q must be at least 2 characters',
          ),
        });
      },
    );

    it('answers from the other platforms when one fails', async () => {
      const { service, us } = setup();
      us.failWith = new Error('Platform Admin API answered 502');
      const result = await service.search({
        query: 'anna',
        limit: 50,
        reveal: false,
      });
      expect(result.users.map(u => u.id)).toEqual(['u-anna', 'u-bob']);
      expect(result.sources).toEqual([
        { id: 'eu', status: 'ok' },
        {
          id: 'us',
          status: 'degraded',
          error: 'Platform Admin API answered 502',
        },
      ]);
    });
  });

  describe('getUser', () => {
    it('gives memberships, 30 days of logins newest first and the login pattern, masked', async () => {
      const { service, eu } = setup();
      const detail = await service.getUser({ userId: 'u-anna', reveal: false });
      expect(detail.user).toMatchObject({
        id: 'u-anna',
        email: 'a***@acme.example',
        source: 'eu',
      });
      expect(detail.memberships).toEqual([
        {
          userId: 'u-anna',
          tenant: { id: 'acme', entityRef: 'tenant:default/acme' },
          role: 'owner',
          status: 'active',
          lastLoginAt: '2026-11-24T07:58:00.000Z',
          source: 'eu',
        },
        {
          userId: 'u-anna-g',
          tenant: { id: 'globex', entityRef: 'tenant:default/globex' },
          role: 'billing',
          status: 'active',
          source: 'us',
        },
      ]);
      expect(eu.calls.find(c => c.method === 'getUserLogins')?.args).toEqual([
        'u-anna',
        { since: '2026-10-27T00:00:00.000Z', limit: 1000 },
      ]);
      expect(detail.logins).toHaveLength(annaLogins.length);
      expect(detail.logins[0].at >= detail.logins[1].at).toBe(true);
      expect(detail.logins.every(l => /^\d+\.\d+\.\*\.\*$/.test(l.ip))).toBe(
        true,
      );
      expect(detail.pattern.days).toHaveLength(30);
      expect(detail.pattern.unusual.map(u => [u.kind, u.value])).toContainEqual(
        ['failed-burst', '45.155.*.*'],
      );
      expect(JSON.stringify(detail)).not.toMatch(
        /45\.155\.205|198\.51\.100\.23|anna\.schmidt/i,
      );
      expect(detail.revealed).toBe(false);
    });

    it('shows IPs and emails when revealing', async () => {
      const { service } = setup();
      const detail = await service.getUser({ userId: 'u-anna', reveal: true });
      expect(detail.user.email).toBe('anna.schmidt@acme.example');
      expect(detail.logins.map(l => l.ip)).toContain('45.155.205.17');
      expect(
        detail.pattern.unusual.find(u => u.kind === 'failed-burst')?.value,
      ).toBe('45.155.205.17');
    });

    it('404s a user no platform knows', async () => {
      const { service } = setup();
      await expect(
        service.getUser({ userId: 'nobody', reveal: false }),
      ).rejects.toMatchObject({
        name: 'NotFoundError',
        message: 'No user with id "nobody" in any platform source',
      });
    });

    it('503s naming the failed source when the user may be on a platform that is down', async () => {
      const { service, us } = setup();
      us.failWith = new Error('timeout');
      await expect(
        service.getUser({ userId: 'u-dora', reveal: false }),
      ).rejects.toMatchObject({
        name: 'ServiceUnavailableError',
        message:
          'No user with id "u-dora" in any platform source that answered; failed sources: us: timeout',
      });
    });

    it('still answers when the logins cannot be read, with the source degraded', async () => {
      const { service, eu } = setup();
      eu.getUserLogins = async () => {
        throw new Error('logins table locked');
      };
      const detail = await service.getUser({ userId: 'u-anna', reveal: false });
      expect(detail.logins).toEqual([]);
      expect(detail.pattern.unusual).toEqual([]);
      expect(detail.memberships).toHaveLength(2);
      expect(detail.sources).toContainEqual({
        id: 'eu',
        status: 'degraded',
        error: 'logins table locked',
      });
    });
  });

  describe('listTenantUsers', () => {
    it('lists the users of a tenant from the platform that has it, masked', async () => {
      const { service, us } = setup();
      const result = await service.listTenantUsers({
        tenantId: 'acme',
        reveal: false,
      });
      expect(result.tenant).toEqual({
        id: 'acme',
        entityRef: 'tenant:default/acme',
      });
      expect(result.users.map(u => [u.name, u.email])).toEqual([
        ['Anna Schmidt', 'a***@acme.example'],
        ['Bob Annan', 'u***@acme.example'],
        ['Carl', 'u***@acme.example'],
      ]);
      expect(us.calls.some(c => c.method === 'listTenantUsers')).toBe(false);
    });

    it('404s an unknown tenant', async () => {
      const { service } = setup();
      await expect(
        service.listTenantUsers({ tenantId: 'nope', reveal: false }),
      ).rejects.toMatchObject({ name: 'NotFoundError' });
    });
  });
});
