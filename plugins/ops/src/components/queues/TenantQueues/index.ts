export { TenantQueues } from './TenantQueues';
export type { TenantQueuesProps } from './TenantQueues';
