export { ChartFigure } from './ChartFigure';
export type { ChartFigureProps } from './ChartFigure';
export { CHART_MARGIN, VALUE_AXIS_WIDTH } from './chartLayout';
export { formatTimeLabel, timeXAxisProps } from './timeAxis';
export { toTimePoints } from './timePoints';
export { TimeSeriesChart } from './TimeSeriesChart';
export type { TimeSeries, TimeSeriesChartProps } from './TimeSeriesChart';
