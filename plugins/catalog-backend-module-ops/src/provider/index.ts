export { PlatformTenantEntityProvider } from './PlatformTenantEntityProvider';
export type { TenantRefreshResult } from './PlatformTenantEntityProvider';
