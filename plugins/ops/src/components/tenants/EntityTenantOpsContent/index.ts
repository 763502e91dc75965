export { EntityTenantOpsContent } from './EntityTenantOpsContent';
