import { InMemoryPlatformProvider } from './__testUtils__/InMemoryPlatformProvider';
import { PlatformSources, SourceTracker } from './PlatformSources';

const tenant = (id: string) => ({
  id,
  name: id.toUpperCase(),
  tier: 'pro' as const,
  region: 'eu-west-1',
  status: 'active' as const,
  adminEmail: `admin@${id}.example`,
  createdAt: '2026-01-01T00:00:00.000Z',
});

describe('PlatformSources', () => {
  it('answers with the providers that succeeded and reports the others degraded', async () => {
    const a = new InMemoryPlatformProvider('a', { tenants: [tenant('acme')] });
    const b = new InMemoryPlatformProvider('b');
    b.failWith = new Error('connect ECONNREFUSED 127.0.0.1:7101');
    const tracker = new SourceTracker();
    const answers = await new PlatformSources([a, b]).all(tracker, p =>
      p.listTenants(),
    );
    expect(answers.map(x => [x.provider.id, x.value.length])).toEqual([
      ['a', 1],
    ]);
    expect(tracker.list()).toEqual([
      { id: 'a', status: 'ok' },
      {
        id: 'b',
        status: 'degraded',
        error: 'connect ECONNREFUSED 127.0.0.1:7101',
      },
    ]);
    expect(tracker.hasFailures).toBe(true);
    expect(tracker.describeFailures()).toBe(
      'b: connect ECONNREFUSED 127.0.0.1:7101',
    );
  });

  it('keeps a source degraded when a later call of the same request succeeds', async () => {
    const a = new InMemoryPlatformProvider('a');
    const sources = new PlatformSources([a]);
    const tracker = new SourceTracker();
    a.failWith = new Error('boom');
    await sources.all(tracker, p => p.listTenants());
    a.failWith = undefined;
    await sources.all(tracker, p => p.listTenants());
    expect(tracker.list()).toEqual([
      { id: 'a', status: 'degraded', error: 'boom' },
    ]);
  });

  it('reports a provider that does not answer in time', async () => {
    const slow = new InMemoryPlatformProvider('slow');
    slow.listTenants = () => new Promise(() => {});
    const tracker = new SourceTracker();
    const answers = await new PlatformSources([slow], 10).all(tracker, p =>
      p.listTenants(),
    );
    expect(answers).toEqual([]);
    expect(tracker.list()).toEqual([
      {
        id: 'slow',
        status: 'degraded',
        error: 'Platform source slow did not answer within 10 ms',
      },
    ]);
  });

  it('finds the providers that know a tenant', async () => {
    const a = new InMemoryPlatformProvider('a', { tenants: [tenant('acme')] });
    const b = new InMemoryPlatformProvider('b', {
      tenants: [tenant('globex')],
    });
    const tracker = new SourceTracker();
    const owners = await new PlatformSources([a, b]).tenantOwners(
      'globex',
      tracker,
    );
    expect(owners.map(o => [o.provider.id, o.value.name])).toEqual([
      ['b', 'GLOBEX'],
    ]);
    expect(tracker.hasFailures).toBe(false);
  });
});
