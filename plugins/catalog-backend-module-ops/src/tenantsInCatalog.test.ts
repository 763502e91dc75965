import {
  createBackendModule,
  SchedulerServiceTaskInvocationDefinition,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import {
  ADMIN_API_BASE_PATH,
  RunningRoles,
  silentLogger,
  startRoles,
} from '@opsconsole/backstage-plugin-example-platform';
import { PlatformAdminProvider } from '@opsconsole/backstage-plugin-ops-node';
import request from 'supertest';
import {
  catalogModuleOpsTenants,
  createCatalogModuleOpsTenants,
} from './module';

// The real catalog backend with the module: tenants read from the example platform pass
// the catalog's validation and get their relations; an invalid tenant is reported with
// the reason.

const API_TOKEN = 'catalog-test-token';
const REFRESH_TASK = 'ops-tenants:example:refresh';

/** Polls until `read` answers; the test's timeout bounds it. */
async function eventually<T>(read: () => Promise<T | undefined>): Promise<T> {
  for (;;) {
    const value = await read();
    if (value !== undefined) {
      return value;
    }
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}

/** Starts the catalog with `features`; returns its server and the provider's refresh task. */
async function startCatalog(
  features: Parameters<typeof startTestBackend>[0]['features'],
  config: object = {},
) {
  const scheduler = mockServices.scheduler.mock();
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      ...(features ?? []),
      scheduler.factory,
      mockServices.rootConfig.factory({
        data: { ...config, catalog: { processingInterval: { seconds: 1 } } },
      }),
    ],
  });
  // the catalog connects the provider, which schedules its refresh
  const refreshTask: SchedulerServiceTaskInvocationDefinition =
    await eventually(async () =>
      scheduler.scheduleTask.mock.calls
        .map(([task]) => task)
        .find(task => task.id === REFRESH_TASK),
    );
  return { server: backend.server, refreshTask };
}

async function getTenant(server: Parameters<typeof request>[0], name: string) {
  const res = await request(server).get(
    `/api/catalog/entities/by-name/tenant/default/${name}`,
  );
  return res.status === 200 ? (res.body as Entity) : undefined;
}

describe('Tenant entities in the catalog', () => {
  let platform: RunningRoles;

  beforeAll(async () => {
    platform = await startRoles({
      roles: ['api'],
      dbPath: ':memory:',
      ports: { api: 0 },
      traffic: false,
      logger: silentLogger,
      env: {},
      apiToken: API_TOKEN,
    });
  });

  afterAll(() => platform?.close());

  it('ingests the tenants of the example platform with their relations', async () => {
    const { server, refreshTask } = await startCatalog(
      [catalogModuleOpsTenants],
      {
        ops: {
          platform: {
            id: 'example',
            baseUrl: `${platform.urls.api}${ADMIN_API_BASE_PATH}`,
            token: API_TOKEN,
          },
        },
      },
    );

    await refreshTask.fn(new AbortController().signal);

    const acme = await eventually(async () => {
      const entity = await getTenant(server, 'acme');
      return entity?.relations?.length ? entity : undefined;
    });
    expect(acme.metadata).toMatchObject({
      title: 'Acme Corporation',
      annotations: {
        'backstage.io/managed-by-location': 'ops-platform:example',
        'opsconsole.io/tenant-id': 'acme',
      },
    });
    expect(acme.spec).toMatchObject({
      owner: 'group:default/ops-admins',
      tier: 'enterprise',
      region: 'eu-west-1',
      status: 'active',
      system: 'system:default/mail-platform',
      platformId: 'acme',
    });
    expect(acme.relations!.map(r => `${r.type} ${r.targetRef}`).sort()).toEqual(
      [
        'dependsOn system:default/mail-platform',
        'ownedBy group:default/ops-admins',
      ],
    );
    const initech = await eventually(() => getTenant(server, 'initech'));
    expect(initech.spec).toMatchObject({ tier: 'free', status: 'trial' });
  }, 60_000);

  it('reports an invalid tenant as a processing error naming the field', async () => {
    const processingErrors = new Map<string, string>();
    const collectErrors = createBackendModule({
      pluginId: 'catalog',
      moduleId: 'test-errors',
      register(env) {
        env.registerInit({
          deps: { catalog: catalogProcessingExtensionPoint },
          async init({ catalog }) {
            catalog.setOnProcessingErrorHandler(
              ({ unprocessedEntity, errors }) => {
                processingErrors.set(
                  unprocessedEntity.metadata.name,
                  errors.map(e => e.message).join('\n'),
                );
              },
            );
          },
        });
      },
    });
    const fakePlatform = {
      id: 'example',
      listTenants: async () => [
        {
          id: 'bad',
          name: 'Bad tier',
          tier: 'gold',
          region: 'eu-west-1',
          status: 'active',
          adminEmail: 'it@bad.example',
          createdAt: '2026-01-02T03:04:05Z',
        },
      ],
    } as unknown as PlatformAdminProvider;

    const { refreshTask } = await startCatalog([
      createCatalogModuleOpsTenants({ platforms: () => [fakePlatform] }),
      collectErrors,
    ]);
    await refreshTask.fn(new AbortController().signal);

    const error = await eventually(async () => processingErrors.get('bad'));
    expect(error).toContain(
      'TenantEntitiesProcessor threw an error while validating the entity tenant:default/bad; caused by InputError: Invalid Tenant entity: /spec/tier must be equal to one of the allowed values - allowedValues: free,pro,enterprise',
    );
  }, 60_000);
});
