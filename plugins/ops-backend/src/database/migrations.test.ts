import { TestDatabases } from '@backstage/backend-test-utils';
import { OPS_MIGRATIONS_DIR } from './migrations';

jest.setTimeout(60_000);

describe('migrations', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'go up and all the way down on %p',
    async id => {
      const knex = await databases.init(id);
      await knex.migrate.latest({ directory: OPS_MIGRATIONS_DIR });
      for (const table of [
        'ops_health_targets',
        'ops_health_samples',
        'ops_health_rollups',
        'ops_sources',
        'ops_audit_events',
        'ops_queue_samples',
        'ops_queue_pauses',
        'ops_queue_seen_recipients',
        'ops_tenant_notices',
        'ops_log_records',
      ]) {
        expect(await knex.schema.hasTable(table)).toBe(true);
      }
      await knex.migrate.rollback({ directory: OPS_MIGRATIONS_DIR }, true);
      for (const table of [
        'ops_health_targets',
        'ops_audit_events',
        'ops_queue_samples',
        'ops_queue_seen_recipients',
        'ops_tenant_notices',
        'ops_log_records',
        'ops_log_records_fts',
      ]) {
        expect(await knex.schema.hasTable(table)).toBe(false);
      }
      await knex.migrate.latest({ directory: OPS_MIGRATIONS_DIR });
      expect(await knex.schema.hasTable('ops_health_targets')).toBe(true);
    },
  );
});
