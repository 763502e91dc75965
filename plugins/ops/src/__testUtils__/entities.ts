import { Entity } from '@backstage/catalog-model';

export const annotatedEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'mail-api',
    namespace: 'default',
    annotations: { 'opsconsole.io/health-url': 'http://mail-api:7010/health' },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'mail-team' },
};

export const plainEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'legacy-cron', namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner: 'mail-team' },
};
