import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@opsconsole/backstage-plugin-ops-backend',
  'migrations',
);

/** Runs the plugin's migrations once per client and returns it. */
export async function connectDatabase(
  database: DatabaseService,
): Promise<Knex> {
  const client = await database.getClient();
  if (!database.migrations?.skip) {
    await client.migrate.latest({ directory: migrationsDir });
  }
  return client;
}

/** For tests: the migrations folder. */
export const OPS_MIGRATIONS_DIR = migrationsDir;

/** Postgres returns bigint columns as strings; SQLite as numbers. */
export function toMillis(value: unknown): number | undefined {
  if (value === null || value === undefined) return undefined;
  return typeof value === 'number' ? value : Number(value);
}

/** A nullable column's value, `undefined` for SQL `NULL`. */
export const orUndefined = <T>(value: T | null | undefined): T | undefined =>
  value === null ? undefined : value;
