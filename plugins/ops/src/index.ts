/**
 * Ops Console frontend: the infrastructure health grid, the entity Operations
 * tab and the entity health card.
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
} from './plugin';
export { opsApiRef, OpsClient, opsApiFactory } from './api';
export type { OpsApi, OpsEntityRef } from './api';
export { isOpsHealthAvailable } from './isOpsHealthAvailable';
export type { EntityOpsHealthCardProps } from './components/EntityOpsHealthCard';
