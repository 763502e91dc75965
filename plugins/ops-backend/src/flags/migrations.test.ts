import { describeMigration } from '../__testUtils__/describeMigration';

jest.setTimeout(60_000);

describeMigration({
  name: 'flags',
  migration: '202611260100_flags.js',
  tables: [
    'ops_flags',
    'ops_flag_overrides',
    'ops_flag_changes',
    'ops_flag_evaluations',
  ],
  earlierTable: 'ops_audit_events',
});
