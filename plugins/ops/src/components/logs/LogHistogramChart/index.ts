export { LogHistogramChart } from './LogHistogramChart';
export type { LogHistogramChartProps } from './LogHistogramChart';
