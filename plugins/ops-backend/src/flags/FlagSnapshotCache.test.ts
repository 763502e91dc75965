import { mockServices } from '@backstage/backend-test-utils';
import { Flag, FlagOverride } from '@opsconsole/backstage-plugin-ops-common';
import { booleanFlag } from './__testUtils__/flagFixtures';
import { FlagSnapshotCache } from './FlagSnapshotCache';
import { FlagsStore } from './FlagsStore';

function fakeStore(initial: Flag[]) {
  let flags = initial;
  let overrides: FlagOverride[] = [];
  const store = {
    listFlags: jest.fn(async () => flags),
    listOverrides: jest.fn(async () => overrides),
  } as unknown as FlagsStore;
  return {
    store,
    setFlags: (f: Flag[]) => (flags = f),
    setOverrides: (o: FlagOverride[]) => (overrides = o),
  };
}

describe('FlagSnapshotCache', () => {
  const logger = mockServices.logger.mock();

  it('loads once, serves from memory until stale, then reloads in the background', async () => {
    const fake = fakeStore([booleanFlag()]);
    let now = 0;
    const cache = new FlagSnapshotCache(fake.store, {
      ttlMs: 1000,
      logger,
      now: () => now,
    });
    const first = await cache.get();
    expect([...first.flags.keys()]).toEqual(['ai-composer']);
    await cache.get();
    expect(fake.store.listFlags).toHaveBeenCalledTimes(1);

    fake.setFlags([booleanFlag(), booleanFlag({ key: 'second' })]);
    now = 1500;
    // the stale snapshot is served while the fresh one loads
    expect((await cache.get()).flags.size).toBe(1);
    expect(fake.store.listFlags).toHaveBeenCalledTimes(2);
    await new Promise(setImmediate);
    expect((await cache.get()).flags.size).toBe(2);
  });

  it('refresh() loads changes now, grouping overrides by flag and tenant', async () => {
    const fake = fakeStore([booleanFlag()]);
    const cache = new FlagSnapshotCache(fake.store, { ttlMs: 60_000, logger });
    await cache.get();
    fake.setOverrides([
      {
        flagKey: 'ai-composer',
        tenantId: 'acme',
        variant: 'off',
        reason: 'r',
        actor: 'a',
        updatedAt: '2026-11-26T10:00:00.000Z',
      },
    ]);
    await cache.refresh();
    expect((await cache.get()).overrides.get('ai-composer')?.get('acme')).toBe(
      'off',
    );
  });

  it('keeps serving the previous snapshot when a background reload fails', async () => {
    const fake = fakeStore([booleanFlag()]);
    let now = 0;
    const cache = new FlagSnapshotCache(fake.store, {
      ttlMs: 10,
      logger,
      now: () => now,
    });
    await cache.get();
    (fake.store.listFlags as jest.Mock).mockRejectedValueOnce(new Error('db'));
    now = 100;
    expect((await cache.get()).flags.size).toBe(1);
    await new Promise(setImmediate);
    expect((await cache.get()).flags.size).toBe(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('serving the previous one'),
    );
  });
});
