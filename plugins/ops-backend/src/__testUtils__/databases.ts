import { TestDatabases } from '@backstage/backend-test-utils';
import { OPS_MIGRATIONS_DIR } from '../database/migrations';

/** Every store test runs on SQLite and Postgres. */
export function createTestDatabases() {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
  return {
    ids: databases.eachSupportedId(),
    async init(id: Parameters<typeof databases.init>[0]) {
      const knex = await databases.init(id);
      await knex.migrate.latest({ directory: OPS_MIGRATIONS_DIR });
      return knex;
    },
  };
}
