import { describeMigration } from '../__testUtils__/describeMigration';

jest.setTimeout(60_000);

describeMigration({
  name: 'notices',
  migration: '202611260300_notices.js',
  tables: ['ops_queue_seen_recipients', 'ops_tenant_notices'],
  earlierTable: 'ops_queue_samples',
});
