import { TestDatabases } from '@backstage/backend-test-utils';
import { describeMigration } from '../__testUtils__/describeMigration';
import { OPS_MIGRATIONS_DIR } from '../database/migrations';

jest.setTimeout(60_000);

describeMigration({
  name: 'queues',
  migration: '202611260200_queues.js',
  tables: [
    'ops_queue_samples',
    'ops_queue_rollups',
    'ops_queue_alerts',
    'ops_queue_pauses',
  ],
  earlierTable: 'ops_flags',
});

describe('queue pauses pausing_since migration', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
  const migration = '202611270100_queue_pauses_pausing_since.js';

  it.each(databases.eachSupportedId())(
    'adds the column, drops it keeping the pauses, and adds it again on %p',
    async id => {
      const knex = await databases.init(id);
      const config = { directory: OPS_MIGRATIONS_DIR };
      const hasColumn = () =>
        knex.schema.hasColumn('ops_queue_pauses', 'pausing_since');
      await knex.migrate.latest(config);
      expect(await hasColumn()).toBe(true);
      await knex('ops_queue_pauses').insert({
        tenant_id: 'acme',
        paused: true,
        paused_at: 1000,
        updated_at: 1000,
        pausing_since: 1000,
      });

      await knex.migrate.down({ ...config, name: migration });
      expect(await hasColumn()).toBe(false);
      const rows = await knex('ops_queue_pauses').select('tenant_id', 'paused');
      expect(rows.map(r => [r.tenant_id, Boolean(r.paused)])).toEqual([
        ['acme', true],
      ]);

      await knex.migrate.latest(config);
      expect(await hasColumn()).toBe(true);
      const [row] = await knex('ops_queue_pauses');
      expect(row.pausing_since).toBeNull();
    },
  );
});
