import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { TenantDirectory } from './TenantDirectory';

const tenant = (name: string, spec: Record<string, unknown> = {}): Entity => ({
  apiVersion: 'opsconsole.io/v1alpha1',
  kind: 'Tenant',
  metadata: { name, namespace: 'default' },
  spec: { owner: 'team-a', tier: 'pro', ...spec },
});

describe('TenantDirectory', () => {
  it('reads the catalog once per ttl and answers every view from that read', async () => {
    const getEntities = jest.fn(async () => ({
      items: [
        tenant('acme', { platformId: 'acme-1' }),
        tenant('beta', { tier: 'free', owner: 'user:default/jo' }),
      ],
    }));
    const directory = new TenantDirectory({
      catalog: catalogServiceMock.mock({ getEntities }),
      auth: mockServices.auth(),
    });
    expect(await directory.listTenantIds()).toEqual(['acme-1', 'beta']);
    expect(await directory.getTenants()).toEqual(
      new Map([
        ['acme-1', { tier: 'pro', ownerRef: 'group:default/team-a' }],
        ['beta', { tier: 'free', ownerRef: 'user:default/jo' }],
      ]),
    );
    expect((await directory.getTenant('acme-1'))?.metadata.name).toBe('acme');
    expect(
      (
        await directory.getEntitiesByRefs([
          'Tenant:default/Beta',
          'tenant:default/nope',
        ])
      ).map(e => e?.metadata.name),
    ).toEqual(['beta', undefined]);
    expect(getEntities).toHaveBeenCalledTimes(1);
  });

  it('keeps neither a failed read nor one without tenants', async () => {
    const getEntities = jest
      .fn()
      .mockRejectedValueOnce(new Error('catalog down'))
      .mockResolvedValueOnce({ items: [] })
      .mockResolvedValue({ items: [tenant('acme')] });
    const directory = new TenantDirectory({
      catalog: catalogServiceMock.mock({ getEntities }),
      auth: mockServices.auth(),
    });
    await expect(directory.listTenantIds()).rejects.toThrow('catalog down');
    expect(await directory.listTenantIds()).toEqual([]);
    expect(await directory.listTenantIds()).toEqual(['acme']);
    expect(await directory.listTenantIds()).toEqual(['acme']);
    expect(getEntities).toHaveBeenCalledTimes(3);
  });

  it('gives up on a catalog that does not answer', async () => {
    const directory = new TenantDirectory({
      catalog: catalogServiceMock.mock({
        getEntities: () => new Promise(() => {}),
      }),
      auth: mockServices.auth(),
      timeoutMs: 20,
    });
    await expect(directory.listTenants()).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message: 'The catalog did not list the tenants within 20 ms',
    });
  });
});
