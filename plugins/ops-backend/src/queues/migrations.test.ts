import { describeMigration } from '../__testUtils__/describeMigration';

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
