import { useTheme } from '@material-ui/core/styles';
import {
  Area,
  AreaChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  Tooltip,
  XAxis,
  YAxis,
  YAxisProps,
} from 'recharts';
import { HealthRange } from '@opsconsole/backstage-plugin-ops-common';
import { ChartFigure } from './ChartFigure';
import { CHART_MARGIN, VALUE_AXIS_WIDTH } from './chartLayout';
import { formatTimeLabel, timeXAxisProps } from './timeAxis';

/** One line (or area) of a {@link TimeSeriesChart}. */
export interface TimeSeries {
  /** The point field it draws. */
  dataKey: string;
  /** Its name in the legend and tooltip. */
  name: string;
  color: string;
  /** Opacity of an area's fill (area charts; default 0.2). */
  fillOpacity?: number;
  /** Dashes of the stroke, e.g. `'4 4'` (default solid). */
  strokeDasharray?: string;
}

export interface TimeSeriesChartProps {
  /** Lines, or areas filled down to the axis. */
  kind: 'line' | 'area';
  /** `data-testid` of the figure. */
  testId: string;
  /** Accessible name of the figure. */
  label: string;
  /** Visible caption above the chart. */
  caption: string;
  /** The points, each with its `time` in epoch ms, oldest first. */
  points: ReadonlyArray<{ time: number }>;
  /** The range shown: sets the format of the time ticks. */
  range: HealthRange;
  series: TimeSeries[];
  /** Formats the value ticks (default: the number as is). */
  formatValue?: (value: number) => string;
  /** Formats values in the tooltip (default: `formatValue`). */
  formatTooltipValue?: (value: number) => string;
  /** The value axis' domain and ticks, where the default does not serve. */
  valueAxis?: Pick<YAxisProps, 'domain' | 'ticks'>;
  /** How points are joined (default `monotone`). */
  curve?: 'monotone' | 'stepAfter';
  /** Dots on the points (default none). */
  dot?: false | { r: number };
  /** Shows the legend (default true). */
  legend?: boolean;
}

/**
 * A captioned chart of values over time: the time axis, a value axis, grid,
 * tooltip and legend every ops chart shares, with one line or area per series.
 * Empty buckets (`null` values) break the lines.
 */
export function TimeSeriesChart(props: TimeSeriesChartProps) {
  const {
    kind,
    testId,
    label,
    caption,
    points,
    range,
    series,
    formatValue,
    formatTooltipValue = formatValue,
    valueAxis,
    curve = 'monotone',
    dot = false,
    legend = true,
  } = props;
  const theme = useTheme();
  const axisColor = theme.palette.text.secondary;
  const Chart = kind === 'area' ? AreaChart : LineChart;
  const shared = {
    type: curve,
    dot,
    connectNulls: false,
    isAnimationActive: false,
  } as const;

  return (
    <ChartFigure testId={testId} label={label} caption={caption}>
      <Chart data={points as object[]} margin={CHART_MARGIN}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis {...timeXAxisProps(range, axisColor)} />
        <YAxis
          {...valueAxis}
          tickFormatter={formatValue}
          stroke={axisColor}
          width={VALUE_AXIS_WIDTH}
        />
        <Tooltip
          labelFormatter={formatTimeLabel}
          formatter={formatTooltipValue}
        />
        {legend && <Legend />}
        {series.map(s =>
          kind === 'area' ? (
            <Area
              key={s.dataKey}
              dataKey={s.dataKey}
              name={s.name}
              stroke={s.color}
              strokeDasharray={s.strokeDasharray}
              fill={s.color}
              fillOpacity={s.fillOpacity ?? 0.2}
              {...shared}
            />
          ) : (
            <Line
              key={s.dataKey}
              dataKey={s.dataKey}
              name={s.name}
              stroke={s.color}
              strokeDasharray={s.strokeDasharray}
              {...shared}
            />
          ),
        )}
      </Chart>
    </ChartFigure>
  );
}
