import { ExtensionDefinition } from '@backstage/frontend-plugin-api';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import {
  OPS_HEALTH_URL_ANNOTATION,
  isTenantEntity,
} from '@opsconsole/backstage-plugin-ops-common';
import {
  entityContentRouteRef,
  entityLogsContentRouteRef,
  tenantContentRouteRef,
} from '../routes';

/**
 * The Operations tab of entities that name a health endpoint. The filter can
 * be overridden in app-config (`app.extensions`).
 */
export const entityOpsContent: ExtensionDefinition =
  EntityContentBlueprint.make({
    name: 'operations',
    params: {
      path: 'ops',
      title: 'Operations',
      group: 'operation',
      routeRef: convertLegacyRouteRef(entityContentRouteRef),
      filter: {
        [`metadata.annotations.${OPS_HEALTH_URL_ANNOTATION}`]: {
          $exists: true,
        },
      },
      loader: () =>
        import('../components/infrastructure/EntityOpsContent').then(m => (
          <m.EntityOpsContent />
        )),
    },
  });

/**
 * The tenant management tab of Tenant entities (kind `Tenant`, apiVersion
 * `opsconsole.io/v1alpha1`): overview, features, users and timeline.
 */
export const entityTenantOpsContent: ExtensionDefinition =
  EntityContentBlueprint.make({
    name: 'tenant',
    params: {
      path: 'tenant',
      title: 'Tenant Management',
      group: 'operation',
      routeRef: convertLegacyRouteRef(tenantContentRouteRef),
      filter: isTenantEntity,
      loader: () =>
        import('../components/tenants/EntityTenantOpsContent').then(m => (
          <m.EntityTenantOpsContent />
        )),
    },
  });

/**
 * The Logs tab of components: the log viewer limited to the component's
 * service (`opsconsole.io/log-service`, else the entity name).
 */
export const entityLogsContent: ExtensionDefinition =
  EntityContentBlueprint.make({
    name: 'logs',
    params: {
      path: 'logs',
      title: 'Logs',
      // its own tab next to Operations (two contents in one group become a menu)
      group: 'observability',
      routeRef: convertLegacyRouteRef(entityLogsContentRouteRef),
      filter: { kind: 'component' },
      loader: () =>
        import('../components/logs/EntityLogsContent').then(m => (
          <m.EntityLogsContent />
        )),
    },
  });
