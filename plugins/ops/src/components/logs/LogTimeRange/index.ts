export { LogTimeRange } from './LogTimeRange';
export type { LogTimeRangeProps } from './LogTimeRange';
export * from './timeRange';
