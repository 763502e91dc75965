/* eslint-disable jest/no-export -- a helper that declares tests for the test files calling it */
import { TestDatabases } from '@backstage/backend-test-utils';
import { OPS_MIGRATIONS_DIR } from '../database/migrations';

export interface MigrationUnderTest {
  /** The capability, for the test's name, e.g. `queues`. */
  name: string;
  /** The migration's file name, e.g. `202611260200_queues.js`. */
  migration: string;
  /** The tables it creates. */
  tables: string[];
  /** A table of an earlier migration, which its `down` must leave alone. */
  earlierTable: string;
}

/**
 * Tests that a migration goes up, down (dropping its tables and only those)
 * and up again, on every engine.
 */
export function describeMigration(options: MigrationUnderTest) {
  const { name, migration, tables, earlierTable } = options;

  describe(`${name} migration`, () => {
    const databases = TestDatabases.create({
      ids: ['SQLITE_3', 'POSTGRES_15'],
    });

    it.each(databases.eachSupportedId())(
      'goes up, down and up again on %p',
      async id => {
        const knex = await databases.init(id);
        const config = { directory: OPS_MIGRATIONS_DIR };
        await knex.migrate.latest(config);
        for (const table of tables) {
          expect(await knex.schema.hasTable(table)).toBe(true);
        }
        await knex.migrate.down({ ...config, name: migration });
        for (const table of tables) {
          expect(await knex.schema.hasTable(table)).toBe(false);
        }
        expect(await knex.schema.hasTable(earlierTable)).toBe(true);
        await knex.migrate.latest(config);
        for (const table of tables) {
          expect(await knex.schema.hasTable(table)).toBe(true);
        }
      },
    );
  });
}
