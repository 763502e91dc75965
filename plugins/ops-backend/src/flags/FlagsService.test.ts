import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { OPS_MIGRATIONS_DIR } from '../database/migrations';
import { DatabaseFlagsStore } from './DatabaseFlagsStore';
import { bucketOf } from './evaluateFlag';
import { FlagSnapshotCache } from './FlagSnapshotCache';
import { FlagsService } from './FlagsService';
import { LastEvaluationRecorder } from './LastEvaluationRecorder';
import { TenantDirectory } from '../tenants/TenantDirectory';

jest.setTimeout(30_000);

const ADMIN = 'user:default/admin';
const TENANTS = Array.from({ length: 200 }, (_, i) => `tenant-${i}`);

describe('FlagsService', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  async function setup(
    tenants: TenantDirectory['listTenantIds'] = async () => TENANTS,
  ) {
    const knex = await databases.init('SQLITE_3');
    await knex.migrate.latest({ directory: OPS_MIGRATIONS_DIR });
    const store = DatabaseFlagsStore.create(knex);
    const logger = mockServices.logger.mock();
    const snapshots = new FlagSnapshotCache(store, { ttlMs: 60_000, logger });
    const recorder = new LastEvaluationRecorder(store, logger);
    const service = new FlagsService({
      store,
      snapshots,
      recorder,
      tenants: { id: 'tenants:catalog', listTenantIds: tenants },
    });
    await service.createFlag(
      {
        key: 'ai-composer',
        name: 'Beta: AI Composer',
        type: 'boolean',
        variants: { on: true, off: false },
        defaultVariant: 'off',
        rolloutPercentage: 50,
        rolloutVariant: 'on',
      },
      ADMIN,
    );
    return { service, store, snapshots, recorder };
  }

  const insideRollout = (percentage: number) =>
    TENANTS.filter(t => bucketOf('ai-composer', t) < percentage);

  describe('validation', () => {
    it.each([
      [
        { variants: { on: 'yes' } },
        "Variant 'on' of flag 'f' is \"yes\", not a boolean",
      ],
      [
        { defaultVariant: 'maybe' },
        "Default variant 'maybe' is not one of the variants",
      ],
      [{ rolloutPercentage: 10 }, 'needs a rollout variant'],
      [
        { rolloutVariant: 'gone', rolloutPercentage: 5 },
        "Rollout variant 'gone'",
      ],
      [{ bucketBy: 'has space' }, "bucketBy 'has space'"],
    ])(
      'refuses %j with a message saying what is wrong',
      async (patch, message) => {
        const { service } = await setup();
        await expect(
          service.createFlag(
            {
              key: 'f',
              name: 'F',
              type: 'boolean',
              variants: { on: true, off: false },
              defaultVariant: 'off',
              ...patch,
            } as any,
            ADMIN,
          ),
        ).rejects.toThrow(message);
      },
    );

    it('refuses a second flag with the same key (409)', async () => {
      const { service } = await setup();
      await expect(
        service.createFlag(
          {
            key: 'ai-composer',
            name: 'x',
            type: 'boolean',
            variants: { on: true },
            defaultVariant: 'on',
          },
          ADMIN,
        ),
      ).rejects.toMatchObject({ name: 'ConflictError' });
    });

    it('requires a reason and a non-empty change to update', async () => {
      const { service } = await setup();
      await expect(
        service.updateFlag(
          'ai-composer',
          { reason: '  ', change: { killSwitch: true } },
          ADMIN,
        ),
      ).rejects.toThrow('A reason is required');
      await expect(
        service.updateFlag('ai-composer', { reason: 'r', change: {} }, ADMIN),
      ).rejects.toThrow('The change is empty');
      await expect(
        service.updateFlag(
          'nope',
          { reason: 'r', change: { killSwitch: true } },
          ADMIN,
        ),
      ).rejects.toMatchObject({ name: 'NotFoundError' });
    });

    it('refuses to drop a variant that overrides use, naming the tenants', async () => {
      const { service } = await setup();
      await service.setOverride(
        'ai-composer',
        'acme',
        { variant: 'on', reason: 'beta' },
        ADMIN,
      );
      await expect(
        service.updateFlag(
          'ai-composer',
          {
            reason: 'r',
            change: {
              variants: { off: false },
              rolloutVariant: null,
              rolloutPercentage: 0,
            },
          },
          ADMIN,
        ),
      ).rejects.toThrow("Overrides of tenants 'acme' (on)");
    });

    it('refuses changes and overrides of an archived flag until it is unarchived', async () => {
      const { service } = await setup();
      await service.updateFlag(
        'ai-composer',
        { reason: 'retire', change: { archived: true } },
        ADMIN,
      );
      await expect(
        service.updateFlag(
          'ai-composer',
          { reason: 'r', change: { killSwitch: true } },
          ADMIN,
        ),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      await expect(
        service.setOverride(
          'ai-composer',
          'acme',
          { variant: 'on', reason: 'r' },
          ADMIN,
        ),
      ).rejects.toThrow('archived');
      const { after } = await service.updateFlag(
        'ai-composer',
        { reason: 'back', change: { archived: false } },
        ADMIN,
      );
      expect(after.archived).toBe(false);
    });

    it('refuses an override to a variant the flag lacks, listing its variants', async () => {
      const { service } = await setup();
      await expect(
        service.setOverride(
          'ai-composer',
          'acme',
          { variant: 'maybe', reason: 'r' },
          ADMIN,
        ),
      ).rejects.toThrow("has no variant 'maybe' (variants: on, off)");
    });
  });

  it('returns the before/after of updates and overrides, and keeps the history', async () => {
    const { service } = await setup();
    const update = await service.updateFlag(
      'ai-composer',
      { reason: 'incident 42', change: { killSwitch: true } },
      ADMIN,
    );
    expect([update.before.killSwitch, update.after.killSwitch]).toEqual([
      false,
      true,
    ]);
    const set = await service.setOverride(
      'ai-composer',
      'acme',
      { variant: 'off', reason: 'breaks acme' },
      ADMIN,
    );
    expect(set.before).toBeUndefined();
    expect(set.after).toMatchObject({
      variant: 'off',
      reason: 'breaks acme',
      actor: ADMIN,
    });
    const removed = await service.removeOverride(
      'ai-composer',
      'acme',
      'fixed',
      ADMIN,
    );
    expect(removed.variant).toBe('off');

    const detail = await service.getFlag('ai-composer');
    expect(detail.overrides).toEqual([]);
    expect(detail.history.map(h => [h.action, h.reason])).toEqual([
      ['flag-override-remove', 'fixed'],
      ['flag-override-set', 'breaks acme'],
      ['flag-update', 'incident 42'],
      ['flag-create', 'created'],
    ]);
    expect(detail.history[2]).toMatchObject({
      before: expect.objectContaining({ killSwitch: false }),
      after: expect.objectContaining({ killSwitch: true }),
    });
  });

  describe('preview', () => {
    it('counts the tenants whose answer changes under a rollout change', async () => {
      const { service } = await setup();
      const preview = await service.preview('ai-composer', {
        change: { rolloutPercentage: 80 },
      });
      const gained = insideRollout(80).length - insideRollout(50).length;
      expect(gained).toBeGreaterThan(0);
      expect(preview).toMatchObject({
        flagKey: 'ai-composer',
        tenantsCompared: TENANTS.length,
        tenantsChanged: gained,
        sources: [{ id: 'tenants:catalog', status: 'ok' }],
      });
      expect(preview.changes[0]).toMatchObject({
        before: { value: false, why: 'rollout' },
        after: { value: true, why: 'rollout' },
      });
    });

    it('counts every tenant on the rollout variant for the kill switch, and one for an override', async () => {
      const { service } = await setup();
      expect(
        (await service.preview('ai-composer', { change: { killSwitch: true } }))
          .tenantsChanged,
      ).toBe(insideRollout(50).length);
      const onTenant = insideRollout(50)[0];
      const override = await service.preview('ai-composer', {
        override: { tenantId: onTenant, variant: 'off' },
      });
      expect(override.tenantsChanged).toBe(1);
      expect(override.changes[0]).toMatchObject({
        tenantId: onTenant,
        before: { value: true, why: 'rollout' },
        after: { value: false, why: 'override', reason: 'TARGETING_MATCH' },
      });
      // an override equal to the current answer changes nobody
      expect(
        (
          await service.preview('ai-composer', {
            override: { tenantId: onTenant, variant: 'on' },
          })
        ).tenantsChanged,
      ).toBe(0);
    });

    it('uses the tenants the caller gives, and nothing is stored', async () => {
      const { service } = await setup();
      const preview = await service.preview('ai-composer', {
        change: { archived: true },
        tenantIds: ['a', 'b', 'a'],
      });
      expect(preview.tenantsCompared).toBe(2);
      expect(preview.tenantsChanged).toBe(2);
      expect(preview.changes[0].after).toMatchObject({
        errorCode: 'FLAG_NOT_FOUND',
      });
      expect(preview.sources).toEqual([]);
      expect((await service.getFlag('ai-composer')).flag.archived).toBe(false);
    });

    it('reports a failing tenant directory in sources and still compares tenants with overrides', async () => {
      const { service } = await setup(async () => {
        throw new Error('catalog unreachable');
      });
      await service.setOverride(
        'ai-composer',
        'acme',
        { variant: 'on', reason: 'beta' },
        ADMIN,
      );
      const preview = await service.preview('ai-composer', {
        override: { tenantId: 'acme', variant: null },
      });
      expect(preview.sources).toEqual([
        {
          id: 'tenants:catalog',
          status: 'unavailable',
          error: expect.stringContaining('catalog unreachable'),
        },
      ]);
      expect(preview.tenantsCompared).toBe(1);
    });

    it('refuses an invalid proposed change', async () => {
      const { service } = await setup();
      await expect(
        service.preview('ai-composer', { change: { defaultVariant: 'maybe' } }),
      ).rejects.toMatchObject({ name: 'InputError' });
    });
  });

  describe('tenant view', () => {
    it('says what each flag serves the tenant and why, with the last evaluation served', async () => {
      const { service, recorder } = await setup();
      await service.createFlag(
        {
          key: 'editor-theme',
          name: 'Editor theme',
          type: 'string',
          variants: { classic: 'classic', blocks: 'blocks' },
          defaultVariant: 'classic',
        },
        ADMIN,
      );
      const tenant = insideRollout(50)[0];
      let view = await service.getTenantFlags(tenant);
      expect(
        view.flags.map(f => [f.flag.key, f.resolution.value, f.resolution.why]),
      ).toEqual([
        ['ai-composer', true, 'rollout'],
        ['editor-theme', 'classic', 'default'],
      ]);
      expect(view.flags[0].resolution.bucket).toBe(
        bucketOf('ai-composer', tenant),
      );

      await service.setOverride(
        'ai-composer',
        tenant,
        { variant: 'off', reason: 'breaks them' },
        ADMIN,
      );
      recorder.record({
        flagKey: 'ai-composer',
        tenantId: tenant,
        value: false,
        variant: 'off',
        reason: 'TARGETING_MATCH',
        time: '2026-11-26T10:32:00.000Z',
      });
      view = await service.getTenantFlags(tenant);
      expect(view.flags[0]).toMatchObject({
        resolution: {
          value: false,
          why: 'override',
          reason: 'TARGETING_MATCH',
        },
        override: { variant: 'off', reason: 'breaks them' },
        lastEvaluation: { value: false, time: '2026-11-26T10:32:00.000Z' },
      });
      expect(view.flags[1].lastEvaluation).toBeUndefined();

      await service.updateFlag(
        'ai-composer',
        { reason: 'stop', change: { killSwitch: true } },
        ADMIN,
      );
      await service.removeOverride(
        'ai-composer',
        tenant,
        'no longer needed',
        ADMIN,
      );
      view = await service.getTenantFlags(tenant);
      expect(view.flags[0].resolution).toMatchObject({
        value: false,
        why: 'kill-switch',
        reason: 'DISABLED',
      });
    });
  });
});
