export { TenantEntitiesProcessor } from './TenantEntitiesProcessor';
