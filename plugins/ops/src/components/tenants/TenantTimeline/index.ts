export { TenantTimeline } from './TenantTimeline';
