/**
 * Catalog module of the Ops Console: the `Tenant` kind (`opsconsole.io/v1alpha1`) and an
 * entity provider that ingests the platform's tenants.
 *
 * @packageDocumentation
 */
export { catalogModuleOpsTenants as default } from './module';
export {
  catalogModuleOpsTenants,
  createCatalogModuleOpsTenants,
} from './module';
export type { CatalogModuleOpsTenantsOptions } from './module';
export { tenantEntityV1alpha1Validator } from './kinds';
export { TenantEntitiesProcessor } from './processor';
export { PlatformTenantEntityProvider } from './provider';
export type { TenantRefreshResult } from './provider';
