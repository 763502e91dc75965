/**
 * Ops Console frontend: the infrastructure health grid, tenants, feature
 * flags and user search pages, the entity Operations tab, the tenant
 * management tab and the entity health card.
 *
 * This entry point serves the legacy frontend system; the new frontend system
 * uses `@opsconsole/backstage-plugin-ops/alpha`.
 *
 * @packageDocumentation
 */
export {
  opsPlugin,
  OpsPage,
  EntityOpsContent,
  EntityOpsHealthCard,
  EntityTenantOpsContent,
  EntityLogsContent,
} from './plugin';
export { opsApiRef, OpsClient, opsApiFactory } from './api';
export type { OpsApi, OpsEntityRef } from './api';
export { isOpsHealthAvailable } from './isOpsHealthAvailable';
export { isTenantEntity } from '@opsconsole/backstage-plugin-ops-common';
export type { EntityOpsHealthCardProps } from './components/infrastructure/EntityOpsHealthCard';
