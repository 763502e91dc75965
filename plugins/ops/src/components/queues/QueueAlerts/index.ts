export { QueueAlerts } from './QueueAlerts';
export type { QueueAlertsProps } from './QueueAlerts';
