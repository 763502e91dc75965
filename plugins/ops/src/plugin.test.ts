import {
  opsPlugin,
  OpsPage,
  EntityOpsContent,
  EntityOpsHealthCard,
  EntityTenantOpsContent,
} from './plugin';
import { opsApiRef } from './api';

describe('opsPlugin (legacy)', () => {
  it('provides the ops API and its extensions', () => {
    expect(opsPlugin.getId()).toBe('ops');
    expect([...opsPlugin.getApis()].map(factory => factory.api.id)).toEqual([
      opsApiRef.id,
    ]);
    expect(OpsPage).toBeDefined();
    expect(EntityOpsContent).toBeDefined();
    expect(EntityOpsHealthCard).toBeDefined();
    expect(EntityTenantOpsContent).toBeDefined();
    expect(Object.keys(opsPlugin.routes).sort()).toEqual([
      'entityContent',
      'entityLogsContent',
      'flag',
      'flags',
      'logs',
      'queues',
      'root',
      'tenantContent',
      'tenants',
      'user',
      'users',
    ]);
  });
});
