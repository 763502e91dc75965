export { QueueHistoryCharts } from './QueueHistoryCharts';
export type { QueueHistoryChartsProps } from './QueueHistoryCharts';
export { QueueHistoryCard } from './QueueHistoryCard';
