import { ConflictError, NotFoundError } from '@backstage/errors';
import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/databases';
import { booleanFlag } from './__testUtils__/flagFixtures';
import { DatabaseFlagsStore } from './DatabaseFlagsStore';

jest.setTimeout(60_000);

const ACTOR = 'user:default/admin';

describe('DatabaseFlagsStore', () => {
  const databases = createTestDatabases();

  async function storeOn(id: Parameters<typeof databases.init>[0]) {
    const knex: Knex = await databases.init(id);
    return { knex, store: DatabaseFlagsStore.create(knex) };
  }

  const created = (key: string) => ({
    flagKey: key,
    action: 'flag-create' as const,
    actor: ACTOR,
    reason: 'new',
    before: null,
    after: { key },
  });

  it.each(databases.ids)(
    'creates, reads and lists flags with every field, refusing duplicates, on %p',
    async id => {
      const { store } = await storeOn(id);
      const flag = booleanFlag({ rolloutPercentage: 12.5 });
      const objectFlag = booleanFlag({
        key: 'dkim',
        type: 'object',
        variants: {
          a: { bits: 1024, nested: { x: [1, 2] } },
          b: { bits: 2048 },
        },
        defaultVariant: 'a',
        rolloutVariant: null,
        rolloutPercentage: 0,
        killSwitch: true,
      });
      await store.createFlag(flag, created(flag.key));
      await store.createFlag(objectFlag, created(objectFlag.key));
      expect(await store.getFlag('ai-composer')).toEqual(flag);
      expect(await store.getFlag('dkim')).toEqual(objectFlag);
      expect(await store.getFlag('nope')).toBeUndefined();
      expect(await store.countFlags()).toBe(2);
      await expect(store.createFlag(flag, created(flag.key))).rejects.toThrow(
        ConflictError,
      );
      expect((await store.listFlags()).map(f => f.key)).toEqual([
        'ai-composer',
        'dkim',
      ]);
    },
  );

  it.each(databases.ids)(
    'updates a flag in a transaction with its history, hiding archived flags by default, on %p',
    async id => {
      const { store } = await storeOn(id);
      const flag = booleanFlag();
      await store.createFlag(flag, created(flag.key));
      const result = await store.updateFlag('ai-composer', current => {
        const next = {
          ...current,
          archived: true,
          updatedAt: '2026-11-26T10:00:00.000Z',
        };
        return {
          flag: next,
          change: {
            flagKey: current.key,
            action: 'flag-update',
            actor: ACTOR,
            reason: 'retire',
            before: { archived: current.archived },
            after: { archived: true },
            time: '2026-11-26T10:00:00.000Z',
          },
        };
      });
      expect(result.before.archived).toBe(false);
      expect(result.after.archived).toBe(true);
      expect((await store.getFlag('ai-composer'))?.archived).toBe(true);
      expect(await store.listFlags()).toEqual([]);
      expect(await store.listFlags({ includeArchived: true })).toHaveLength(1);

      // a failing update leaves the flag and its history untouched
      await expect(
        store.updateFlag('ai-composer', () => {
          throw new ConflictError('no');
        }),
      ).rejects.toThrow('no');
      await expect(
        store.updateFlag('missing', c => ({ flag: c, change: created('x') })),
      ).rejects.toThrow(NotFoundError);

      const history = await store.listChanges({
        flagKey: 'ai-composer',
        limit: 10,
      });
      expect(history.map(h => [h.action, h.reason])).toEqual([
        ['flag-update', 'retire'],
        ['flag-create', 'new'],
      ]);
      expect(history[0]).toMatchObject({
        before: { archived: false },
        after: { archived: true },
        time: '2026-11-26T10:00:00.000Z',
        actor: ACTOR,
      });
      expect(history[0].tenantId).toBeUndefined();
    },
  );

  it.each(databases.ids)(
    'sets, replaces, counts and removes overrides with history, on %p',
    async id => {
      const { store } = await storeOn(id);
      await store.createFlag(booleanFlag(), created('ai-composer'));
      await store.createFlag(booleanFlag({ key: 'other' }), created('other'));

      const set = (
        tenantId: string,
        variant: string,
        flagKey = 'ai-composer',
      ) =>
        store.setOverride(flagKey, tenantId, (_flag, previous) => ({
          override: {
            flagKey,
            tenantId,
            variant,
            reason: `set ${variant}`,
            actor: ACTOR,
            updatedAt: '2026-11-26T11:00:00.000Z',
          },
          change: {
            flagKey,
            tenantId,
            action: 'flag-override-set',
            actor: ACTOR,
            reason: `set ${variant}`,
            before: previous ? { variant: previous.variant } : null,
            after: { variant },
          },
        }));

      expect((await set('acme', 'on')).before).toBeUndefined();
      const replaced = await set('acme', 'off');
      expect(replaced.before?.variant).toBe('on');
      expect(replaced.after?.variant).toBe('off');
      await set('globex', 'on');
      await set('acme', 'on', 'other');
      await expect(set('acme', 'on', 'missing')).rejects.toThrow(NotFoundError);

      expect(await store.countOverrides()).toEqual(
        new Map([
          ['ai-composer', 2],
          ['other', 1],
        ]),
      );
      expect(
        (await store.listOverrides({ tenantId: 'acme' })).map(o => [
          o.flagKey,
          o.variant,
        ]),
      ).toEqual([
        ['ai-composer', 'off'],
        ['other', 'on'],
      ]);

      const removed = await store.removeOverride('ai-composer', 'acme', p => ({
        flagKey: 'ai-composer',
        tenantId: 'acme',
        action: 'flag-override-remove',
        actor: ACTOR,
        reason: 'done',
        before: { variant: p.variant },
        after: null,
      }));
      expect(removed).toMatchObject({ variant: 'off', reason: 'set off' });
      await expect(
        store.removeOverride('ai-composer', 'acme', () => created('x')),
      ).rejects.toThrow("has no override for tenant 'acme'");
      expect(await store.listOverrides({ flagKey: 'ai-composer' })).toEqual([
        expect.objectContaining({ tenantId: 'globex' }),
      ]);

      const acmeHistory = await store.listChanges({
        tenantId: 'acme',
        limit: 10,
      });
      expect(acmeHistory.map(h => [h.flagKey, h.action])).toEqual(
        expect.arrayContaining([
          ['ai-composer', 'flag-override-remove'],
          ['ai-composer', 'flag-override-set'],
          ['other', 'flag-override-set'],
        ]),
      );
      expect(acmeHistory).toHaveLength(4);
      expect(
        acmeHistory.find(h => h.action === 'flag-override-remove'),
      ).toMatchObject({ before: { variant: 'off' }, after: null });
    },
  );

  it.each(databases.ids)(
    'upserts last evaluations per flag and tenant, never replacing a newer one, on %p',
    async id => {
      const { store } = await storeOn(id);
      const at = (minute: number) =>
        `2026-11-26T10:${String(minute).padStart(2, '0')}:00.000Z`;
      await store.upsertLastEvaluations([
        {
          flagKey: 'ai-composer',
          tenantId: 'acme',
          value: true,
          variant: 'on',
          reason: 'SPLIT',
          time: at(30),
        },
        {
          flagKey: 'dkim',
          tenantId: 'acme',
          value: { bits: 2048 },
          variant: 'b',
          reason: 'STATIC',
          time: at(30),
        },
        {
          flagKey: 'ai-composer',
          tenantId: 'globex',
          reason: 'ERROR',
          errorCode: 'TARGETING_KEY_MISSING',
          time: at(30),
        },
      ]);
      // newer wins, also when both arrive in one batch
      await store.upsertLastEvaluations([
        {
          flagKey: 'ai-composer',
          tenantId: 'acme',
          value: true,
          variant: 'on',
          reason: 'SPLIT',
          time: at(31),
        },
        {
          flagKey: 'ai-composer',
          tenantId: 'acme',
          value: false,
          variant: 'off',
          reason: 'TARGETING_MATCH',
          time: at(32),
        },
      ]);
      // an older record (e.g. flushed late by another replica) does not replace it
      await store.upsertLastEvaluations([
        {
          flagKey: 'ai-composer',
          tenantId: 'acme',
          value: true,
          variant: 'on',
          reason: 'SPLIT',
          time: at(1),
        },
      ]);
      expect(await store.listLastEvaluations({ tenantId: 'acme' })).toEqual([
        {
          flagKey: 'ai-composer',
          tenantId: 'acme',
          value: false,
          variant: 'off',
          reason: 'TARGETING_MATCH',
          time: at(32),
        },
        {
          flagKey: 'dkim',
          tenantId: 'acme',
          value: { bits: 2048 },
          variant: 'b',
          reason: 'STATIC',
          time: at(30),
        },
      ]);
      expect(
        await store.listLastEvaluations({ flagKey: 'ai-composer' }),
      ).toContainEqual({
        flagKey: 'ai-composer',
        tenantId: 'globex',
        reason: 'ERROR',
        errorCode: 'TARGETING_KEY_MISSING',
        time: at(30),
      });
    },
  );

  it.each(databases.ids)(
    'upserts large batches of last evaluations, on %p',
    async id => {
      const { store } = await storeOn(id);
      const records = Array.from({ length: 1500 }, (_, i) => ({
        flagKey: `flag-${i % 3}`,
        tenantId: `tenant-${i}`,
        value: i % 2 === 0,
        variant: i % 2 === 0 ? 'on' : 'off',
        reason: 'SPLIT',
        time: '2026-11-26T10:00:00.000Z',
      }));
      await store.upsertLastEvaluations(records);
      expect(await store.listLastEvaluations({})).toHaveLength(1500);
    },
  );
});
