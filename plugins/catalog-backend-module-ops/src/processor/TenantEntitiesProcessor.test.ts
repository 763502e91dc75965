import { Entity } from '@backstage/catalog-model';
import {
  CatalogProcessorResult,
  LocationSpec,
} from '@backstage/plugin-catalog-node';
import { TenantEntityV1alpha1 } from '@opsconsole/backstage-plugin-ops-common';
import { TenantEntitiesProcessor } from './TenantEntitiesProcessor';

const location: LocationSpec = { type: 'url', target: 'https://example.com' };

function tenant(spec: Partial<TenantEntityV1alpha1['spec']> = {}) {
  return {
    apiVersion: 'opsconsole.io/v1alpha1',
    kind: 'Tenant',
    metadata: { name: 'acme', namespace: 'customers' },
    spec: {
      owner: 'group:default/ops-admins',
      tier: 'enterprise',
      region: 'eu-west-1',
      status: 'active',
      adminContact: { email: 'it@acme.example', name: 'Ada Admin' },
      system: 'system:default/mail-platform',
      platformId: 'acme',
      ...spec,
    },
  } as TenantEntityV1alpha1;
}

async function relationsOf(entity: Entity) {
  const emitted: CatalogProcessorResult[] = [];
  const result = await new TenantEntitiesProcessor().postProcessEntity(
    entity,
    location,
    r => emitted.push(r),
  );
  expect(result).toBe(entity);
  return emitted.map(r => {
    if (r.type !== 'relation') {
      throw new Error(`expected only relations, got ${r.type}`);
    }
    return r.relation;
  });
}

describe('TenantEntitiesProcessor', () => {
  const processor = new TenantEntitiesProcessor();

  describe('validateEntityKind', () => {
    it('accepts a valid tenant', async () => {
      await expect(processor.validateEntityKind(tenant())).resolves.toBe(true);
    });

    it('accepts a tenant without the optional system, platformId and contact name', async () => {
      const minimal = tenant({ adminContact: { email: 'it@acme.example' } });
      delete minimal.spec.system;
      delete minimal.spec.platformId;
      await expect(processor.validateEntityKind(minimal)).resolves.toBe(true);
    });

    it('leaves other kinds to other processors', async () => {
      await expect(
        processor.validateEntityKind({
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name: 'acme' },
          spec: { type: 'service', owner: 'x', lifecycle: 'production' },
        }),
      ).resolves.toBe(false);
      await expect(
        processor.validateEntityKind({
          ...tenant(),
          apiVersion: 'opsconsole.io/v2',
        }),
      ).resolves.toBe(false);
    });

    it('rejects an unknown tier, naming the field and the allowed values', async () => {
      await expect(
        processor.validateEntityKind(tenant({ tier: 'gold' as any })),
      ).rejects.toThrow(
        'Invalid Tenant entity: /spec/tier must be equal to one of the allowed values - allowedValues: free,pro,enterprise',
      );
    });

    it('rejects an unknown status', async () => {
      await expect(
        processor.validateEntityKind(tenant({ status: 'deleted' as any })),
      ).rejects.toThrow(
        /\/spec\/status must be equal to one of the allowed values/,
      );
    });

    it('rejects a tenant without an owner', async () => {
      const entity = tenant();
      delete (entity.spec as Partial<TenantEntityV1alpha1['spec']>).owner;
      await expect(processor.validateEntityKind(entity)).rejects.toThrow(
        "Invalid Tenant entity: /spec must have required property 'owner'",
      );
    });

    it('rejects an admin contact without a valid email', async () => {
      await expect(
        processor.validateEntityKind(
          tenant({ adminContact: { email: 'not an email' } }),
        ),
      ).rejects.toThrow(/\/spec\/adminContact\/email must match pattern/);
    });
  });

  describe('postProcessEntity', () => {
    it('emits ownedBy/ownerOf to the owner and dependsOn/dependencyOf to the system', async () => {
      const self = { kind: 'Tenant', namespace: 'customers', name: 'acme' };
      const owner = { kind: 'group', namespace: 'default', name: 'ops-admins' };
      const system = {
        kind: 'system',
        namespace: 'default',
        name: 'mail-platform',
      };
      await expect(relationsOf(tenant())).resolves.toEqual([
        { source: self, type: 'ownedBy', target: owner },
        { source: owner, type: 'ownerOf', target: self },
        { source: self, type: 'dependsOn', target: system },
        { source: system, type: 'dependencyOf', target: self },
      ]);
    });

    it("resolves bare names as a Group owner and a System in the tenant's namespace", async () => {
      const relations = await relationsOf(
        tenant({ owner: 'account-managers', system: 'mail-platform' }),
      );
      expect(relations.map(r => r.target)).toEqual([
        { kind: 'Group', namespace: 'customers', name: 'account-managers' },
        { kind: 'Tenant', namespace: 'customers', name: 'acme' },
        { kind: 'System', namespace: 'customers', name: 'mail-platform' },
        { kind: 'Tenant', namespace: 'customers', name: 'acme' },
      ]);
    });

    it('emits no dependency relations for a tenant without a system', async () => {
      const entity = tenant();
      delete entity.spec.system;
      const relations = await relationsOf(entity);
      expect(relations.map(r => r.type)).toEqual(['ownedBy', 'ownerOf']);
    });

    it('rejects a malformed owner reference, naming the field', async () => {
      await expect(
        relationsOf(tenant({ owner: 'group:default/' })),
      ).rejects.toThrow(
        'Tenant spec.owner "group:default/" is not a valid entity reference: Entity reference "group:default/" was not on the form [<kind>:][<namespace>/]<name>',
      );
    });

    it('passes other kinds through without relations', async () => {
      const component = {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'mail-api' },
        spec: { owner: 'group:default/platform-team' },
      };
      await expect(relationsOf(component)).resolves.toEqual([]);
    });
  });
});
