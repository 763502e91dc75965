export { TenantQueuePanel } from './TenantQueuePanel';
export type { TenantQueuePanelProps } from './TenantQueuePanel';
