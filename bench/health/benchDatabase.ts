import knexFactory, { Knex } from 'knex';
import { OPS_MIGRATIONS_DIR } from '../../plugins/ops-backend/src/database/migrations';

export interface BenchDatabase {
  knex: Knex;
  label: string;
  /** Closes the connections and, for Postgres, drops the database. */
  drop(): Promise<void>;
}

/**
 * The plugin's database for one bench process, migrated: in-memory SQLite configured like
 * Backstage's SQLite connector does it, or a fresh Postgres database on the given server.
 */
export async function createBenchDatabase(
  kind: 'sqlite' | 'pg',
  pgUrl: string,
  /** start of the Postgres database's name */
  prefix = 'bench_health',
): Promise<BenchDatabase> {
  if (kind === 'sqlite') {
    const knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: ':memory:' },
      useNullAsDefault: true,
    });
    knex.client.pool.on('createSuccess', (_id: unknown, resource: any) => {
      resource.run?.('PRAGMA foreign_keys = ON', () => {});
    });
    await knex.migrate.latest({ directory: OPS_MIGRATIONS_DIR });
    return {
      knex,
      label: 'SQLite (better-sqlite3, in memory)',
      drop: () => knex.destroy(),
    };
  }

  const adminUrl = new URL(pgUrl);
  adminUrl.pathname = '/postgres';
  const name = `${prefix}_${process.pid}_${Date.now()}`;
  const admin = knexFactory({
    client: 'pg',
    connection: adminUrl.toString(),
    pool: { min: 0, max: 1 },
  });
  await admin.raw(`CREATE DATABASE ??`, [name]);
  const dbUrl = new URL(pgUrl);
  dbUrl.pathname = `/${name}`;
  const knex = knexFactory({ client: 'pg', connection: dbUrl.toString() });
  await knex.migrate.latest({ directory: OPS_MIGRATIONS_DIR });
  const version = (await knex.raw('SHOW server_version')).rows[0]
    .server_version;
  return {
    knex,
    label: `Postgres ${version} (database ${name}, dropped afterwards)`,
    async drop() {
      await knex.destroy();
      try {
        await admin.raw(`DROP DATABASE IF EXISTS ?? WITH (FORCE)`, [name]);
      } finally {
        await admin.destroy();
      }
    },
  };
}
