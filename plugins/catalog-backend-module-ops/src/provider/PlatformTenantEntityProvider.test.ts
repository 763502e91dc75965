import { mockServices } from '@backstage/backend-test-utils';
import { SchedulerServiceTaskInvocationDefinition } from '@backstage/backend-plugin-api';
import { EntityProviderConnection } from '@backstage/plugin-catalog-node';
import {
  PlatformAdminProvider,
  PlatformTenant,
} from '@opsconsole/backstage-plugin-ops-node';
import { PlatformTenantEntityProvider } from './PlatformTenantEntityProvider';

const acme: PlatformTenant = {
  id: 'acme',
  name: 'Acme Corp',
  tier: 'enterprise',
  region: 'eu-west-1',
  status: 'active',
  adminEmail: 'it@acme.example',
  adminName: 'Ada Admin',
  createdAt: '2026-01-02T03:04:05Z',
};
const globex: PlatformTenant = {
  id: 'globex',
  name: 'Globex',
  tier: 'free',
  region: 'us-east-1',
  status: 'trial',
  adminEmail: 'ops@globex.example',
  createdAt: '2026-02-03T04:05:06Z',
};

function fakePlatform(listTenants: () => Promise<PlatformTenant[]>) {
  return { id: 'example', listTenants } as PlatformAdminProvider;
}

function setup(options: {
  listTenants: () => Promise<PlatformTenant[]>;
  config?: object;
}) {
  const scheduler = mockServices.scheduler.mock();
  const logger = mockServices.logger.mock();
  const provider = PlatformTenantEntityProvider.fromConfig(
    mockServices.rootConfig({ data: options.config ?? {} }),
    { platform: fakePlatform(options.listTenants), logger, scheduler },
  );
  const connection = {
    applyMutation: jest.fn(),
    refresh: jest.fn(),
  } satisfies EntityProviderConnection;
  /** The task `connect` scheduled. */
  const scheduledTask = (): SchedulerServiceTaskInvocationDefinition =>
    scheduler.scheduleTask.mock.calls[0][0];
  return { provider, connection, scheduler, scheduledTask, logger };
}

describe('PlatformTenantEntityProvider', () => {
  it('is named after the platform it reads', () => {
    const { provider } = setup({ listTenants: async () => [] });
    expect(provider.getProviderName()).toBe('ops-tenants:example');
  });

  it('schedules a global refresh every 5 minutes by default', async () => {
    const { provider, connection, scheduler } = setup({
      listTenants: async () => [],
    });
    await provider.connect(connection);
    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({
        id: 'ops-tenants:example:refresh',
        scope: 'global',
        frequency: { minutes: 5 },
        timeout: { minutes: 3 },
      }),
    );
  });

  it('takes its schedule from catalog.providers.opsTenants.schedule', async () => {
    const { provider, connection, scheduledTask } = setup({
      listTenants: async () => [],
      config: {
        catalog: {
          providers: {
            opsTenants: {
              schedule: { frequency: { minutes: 1 }, timeout: { seconds: 30 } },
            },
          },
        },
      },
    });
    await provider.connect(connection);
    expect(scheduledTask()).toMatchObject({
      scope: 'global',
      frequency: { minutes: 1 },
      timeout: { seconds: 30 },
    });
  });

  it('applies every tenant as a full mutation of Tenant entities', async () => {
    const { provider, connection, scheduledTask } = setup({
      listTenants: async () => [acme, globex],
    });
    await provider.connect(connection);
    await scheduledTask().fn(new AbortController().signal);

    expect(connection.applyMutation).toHaveBeenCalledTimes(1);
    expect(connection.applyMutation).toHaveBeenCalledWith({
      type: 'full',
      entities: [
        {
          locationKey: 'ops-tenants:example',
          entity: {
            apiVersion: 'opsconsole.io/v1alpha1',
            kind: 'Tenant',
            metadata: {
              name: 'acme',
              title: 'Acme Corp',
              annotations: {
                'backstage.io/managed-by-location': 'ops-platform:example',
                'backstage.io/managed-by-origin-location':
                  'ops-platform:example',
                'opsconsole.io/tenant-id': 'acme',
              },
            },
            spec: {
              owner: 'group:default/ops-admins',
              tier: 'enterprise',
              region: 'eu-west-1',
              status: 'active',
              adminContact: { email: 'it@acme.example', name: 'Ada Admin' },
              system: 'system:default/mail-platform',
              platformId: 'acme',
            },
          },
        },
        expect.objectContaining({
          locationKey: 'ops-tenants:example',
          entity: expect.objectContaining({
            metadata: expect.objectContaining({ name: 'globex' }),
            spec: expect.objectContaining({
              tier: 'free',
              status: 'trial',
              adminContact: { email: 'ops@globex.example' },
            }),
          }),
        }),
      ],
    });
  });

  it('takes owner and system from config, normalised to full entity refs', async () => {
    const { provider, connection } = setup({
      listTenants: async () => [acme],
      config: {
        catalog: {
          providers: {
            opsTenants: { owner: 'account-managers', system: 'mail-eu' },
          },
        },
      },
    });
    await provider.connect(connection);
    await provider.refresh();
    const [{ entities }] = connection.applyMutation.mock.calls[0];
    expect(entities[0].entity.spec).toMatchObject({
      owner: 'group:default/account-managers',
      system: 'system:default/mail-eu',
    });
  });

  it('rejects a malformed owner in config, naming the key', () => {
    expect(() =>
      setup({
        listTenants: async () => [],
        config: { catalog: { providers: { opsTenants: { owner: 'group:' } } } },
      }),
    ).toThrow(
      'catalog.providers.opsTenants.owner "group:" is not a valid entity reference',
    );
  });

  it('applies an empty full mutation when the platform has no tenants', async () => {
    const { provider, connection } = setup({ listTenants: async () => [] });
    await provider.connect(connection);
    await expect(provider.refresh()).resolves.toEqual({
      applied: 0,
      skipped: [],
    });
    expect(connection.applyMutation).toHaveBeenCalledWith({
      type: 'full',
      entities: [],
    });
  });

  it('keeps the previous tenants when the platform cannot be read', async () => {
    const listTenants = jest
      .fn<Promise<PlatformTenant[]>, []>()
      .mockResolvedValueOnce([acme])
      .mockRejectedValueOnce(new Error('connect ECONNREFUSED 127.0.0.1:7101'));
    const { provider, connection, scheduledTask } = setup({ listTenants });
    await provider.connect(connection);
    const { fn } = scheduledTask();

    await fn(new AbortController().signal);
    expect(connection.applyMutation).toHaveBeenCalledTimes(1);

    // The scheduler logs the failed run and records it as the task's last error.
    await expect(fn(new AbortController().signal)).rejects.toThrow(
      'ops-tenants:example could not list the tenants of platform "example"; the catalog keeps the tenants of the last successful refresh: connect ECONNREFUSED 127.0.0.1:7101',
    );
    expect(listTenants).toHaveBeenCalledTimes(2);
    expect(connection.applyMutation).toHaveBeenCalledTimes(1);
  });

  it('leaves out tenants whose id is not a valid entity name, and says so', async () => {
    const { provider, connection, logger } = setup({
      listTenants: async () => [acme, { ...globex, id: 'Globex Inc!' }],
    });
    await provider.connect(connection);
    await expect(provider.refresh()).resolves.toEqual({
      applied: 1,
      skipped: ['Globex Inc!'],
    });
    const [{ entities }] = connection.applyMutation.mock.calls[0];
    expect(entities.map((e: any) => e.entity.metadata.name)).toEqual(['acme']);
    const childLogger = logger.child.mock.results[0].value;
    expect(childLogger.warn).toHaveBeenCalledWith(
      'Skipped 1 tenants whose id is not a valid entity name: "Globex Inc!"',
    );
  });

  it('refuses to refresh before the catalog has connected it', async () => {
    const { provider } = setup({ listTenants: async () => [acme] });
    await expect(provider.refresh()).rejects.toThrow(
      'ops-tenants:example cannot refresh before the catalog has connected it',
    );
  });
});
