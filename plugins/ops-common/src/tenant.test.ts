import { Entity } from '@backstage/catalog-model';
import {
  getTenantPlatformId,
  isTenantEntity,
  OPS_TENANT_ID_ANNOTATION,
  TenantEntityV1alpha1,
} from './tenant';

const tenant: TenantEntityV1alpha1 = {
  apiVersion: 'opsconsole.io/v1alpha1',
  kind: 'Tenant',
  metadata: { name: 'acme' },
  spec: {
    owner: 'group:default/ops-admins',
    tier: 'pro',
    region: 'eu-west-1',
    status: 'active',
    adminContact: { email: 'admin@acme.example' },
  },
};

describe('isTenantEntity', () => {
  it('accepts a Tenant of apiVersion opsconsole.io/v1alpha1', () => {
    expect(isTenantEntity(tenant)).toBe(true);
  });

  it('rejects other kinds and other apiVersions', () => {
    const component: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'acme' },
    };
    expect(isTenantEntity(component)).toBe(false);
    expect(
      isTenantEntity({ ...tenant, apiVersion: 'opsconsole.io/v1beta1' }),
    ).toBe(false);
  });
});

describe('getTenantPlatformId', () => {
  it('prefers spec.platformId, then the tenant-id annotation, then the name', () => {
    expect(getTenantPlatformId(tenant)).toBe('acme');
    const annotated = {
      ...tenant,
      metadata: {
        name: 'acme',
        annotations: { [OPS_TENANT_ID_ANNOTATION]: 'acme-42' },
      },
    };
    expect(getTenantPlatformId(annotated)).toBe('acme-42');
    expect(
      getTenantPlatformId({
        ...annotated,
        spec: { ...tenant.spec, platformId: 't-1' },
      }),
    ).toBe('t-1');
  });
});
