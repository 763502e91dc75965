export { TenantOverview } from './TenantOverview';
export { TenantStatusChip } from './TenantStatusChip';
