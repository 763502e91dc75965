import { TestDatabases } from '@backstage/backend-test-utils';
import { OPS_MIGRATIONS_DIR } from '../database/migrations';

jest.setTimeout(60_000);

const TABLES = [
  'ops_queue_samples',
  'ops_queue_rollups',
  'ops_queue_alerts',
  'ops_queue_pauses',
];

describe('queues migration', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'goes up, down and up again on %p',
    async id => {
      const knex = await databases.init(id);
      const config = { directory: OPS_MIGRATIONS_DIR };
      await knex.migrate.latest(config);
      for (const table of TABLES) {
        expect(await knex.schema.hasTable(table)).toBe(true);
      }
      await knex.migrate.down({ ...config, name: '202611260200_queues.js' });
      for (const table of TABLES) {
        expect(await knex.schema.hasTable(table)).toBe(false);
      }
      expect(await knex.schema.hasTable('ops_flags')).toBe(true);
      await knex.migrate.latest(config);
      expect(await knex.schema.hasTable('ops_queue_samples')).toBe(true);
    },
  );
});
