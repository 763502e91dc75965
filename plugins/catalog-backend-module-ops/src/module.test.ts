import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  CatalogProcessingExtensionPoint,
  catalogProcessingExtensionPoint,
  CatalogProcessor,
  EntityProvider,
} from '@backstage/plugin-catalog-node';
import {
  PlatformAdminProvider,
  PlatformTenant,
} from '@opsconsole/backstage-plugin-ops-node';
import {
  catalogModuleOpsTenants,
  createCatalogModuleOpsTenants,
} from './module';
import { TenantEntitiesProcessor } from './processor';

const acme: PlatformTenant = {
  id: 'acme',
  name: 'Acme Corp',
  tier: 'pro',
  region: 'eu-west-1',
  status: 'active',
  adminEmail: 'it@acme.example',
  createdAt: '2026-01-02T03:04:05Z',
};

function fakeCatalog() {
  const processors: CatalogProcessor[] = [];
  const providers: EntityProvider[] = [];
  const extensionPoint: CatalogProcessingExtensionPoint = {
    addProcessor: (...added) => processors.push(...added.flat()),
    addEntityProvider: (...added) => providers.push(...added.flat()),
    addPlaceholderResolver: jest.fn(),
    setOnProcessingErrorHandler: jest.fn(),
  };
  return { extensionPoint, processors, providers };
}

describe('catalogModuleOpsTenants', () => {
  it('registers the processor and a provider per platform, whose scheduled task ingests tenants', async () => {
    const catalog = fakeCatalog();
    const scheduler = mockServices.scheduler.mock();
    const platform = {
      id: 'example',
      listTenants: async () => [acme],
    } as PlatformAdminProvider;

    await startTestBackend({
      extensionPoints: [
        [catalogProcessingExtensionPoint, catalog.extensionPoint],
      ],
      features: [
        createCatalogModuleOpsTenants({ platforms: () => [platform] }),
        scheduler.factory,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              providers: {
                opsTenants: { owner: 'group:default/account-managers' },
              },
            },
          },
        }),
      ],
    });

    expect(catalog.processors).toEqual([expect.any(TenantEntitiesProcessor)]);
    expect(catalog.providers.map(p => p.getProviderName())).toEqual([
      'ops-tenants:example',
    ]);

    // what the catalog does on startup
    const connection = { applyMutation: jest.fn(), refresh: jest.fn() };
    await catalog.providers[0].connect(connection);
    expect(scheduler.scheduleTask).toHaveBeenCalledTimes(1);
    const [task] = scheduler.scheduleTask.mock.calls[0];
    expect(task).toMatchObject({
      id: 'ops-tenants:example:refresh',
      scope: 'global',
      frequency: { minutes: 5 },
    });
    expect(connection.applyMutation).not.toHaveBeenCalled();

    // what the scheduler does every round
    await task.fn(new AbortController().signal);
    expect(connection.applyMutation).toHaveBeenCalledWith({
      type: 'full',
      entities: [
        expect.objectContaining({
          locationKey: 'ops-tenants:example',
          entity: expect.objectContaining({
            kind: 'Tenant',
            metadata: expect.objectContaining({ name: 'acme' }),
            spec: expect.objectContaining({
              owner: 'group:default/account-managers',
              system: 'system:default/mail-platform',
            }),
          }),
        }),
      ],
    });
  });

  it('ingests the Platform Admin API configured under ops.platform', async () => {
    const catalog = fakeCatalog();
    await startTestBackend({
      extensionPoints: [
        [catalogProcessingExtensionPoint, catalog.extensionPoint],
      ],
      features: [
        catalogModuleOpsTenants,
        mockServices.rootConfig.factory({
          data: {
            ops: {
              platform: {
                id: 'mail',
                baseUrl: 'http://127.0.0.1:7101/admin-api/v1',
                token: 'secret',
              },
            },
          },
        }),
      ],
    });

    expect(catalog.processors).toEqual([expect.any(TenantEntitiesProcessor)]);
    expect(catalog.providers.map(p => p.getProviderName())).toEqual([
      'ops-tenants:mail',
    ]);
  });

  it('registers only the processor when ops.platform is not configured', async () => {
    const catalog = fakeCatalog();
    await startTestBackend({
      extensionPoints: [
        [catalogProcessingExtensionPoint, catalog.extensionPoint],
      ],
      features: [
        catalogModuleOpsTenants,
        mockServices.rootConfig.factory({ data: {} }),
      ],
    });

    expect(catalog.processors).toEqual([expect.any(TenantEntitiesProcessor)]);
    expect(catalog.providers).toEqual([]);
  });
});
