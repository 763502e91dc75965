export { TenantNotices } from './TenantNotices';
