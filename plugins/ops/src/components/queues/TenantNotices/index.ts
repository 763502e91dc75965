export { TenantNotices } from './TenantNotices';
export { PermittedTenantNotices } from './PermittedTenantNotices';
