export { HealthHistoryCharts } from './HealthHistoryCharts';
export type { HealthHistoryChartsProps } from './HealthHistoryCharts';
