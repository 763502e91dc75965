export { TenantUsers } from './TenantUsers';
