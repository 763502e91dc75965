import { MouseEvent, useMemo, useState } from 'react';
import { useTheme } from '@material-ui/core/styles';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ReferenceArea,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { DateTime } from 'luxon';
import { LogHistogram } from '@opsconsole/backstage-plugin-ops-common';
import { LOG_LEVEL_COLORS } from '../logLevels';
import {
  CHART_MARGIN,
  ChartFigure,
  formatTimeLabel,
} from '../../shared/charts';
import { LogTimeRangeValue, zoomRange } from '../LogTimeRange';
import { ChartPointer, dragTarget } from './dragTarget';
import { histogramPoints, levelsPresent } from './histogramPoints';

const DAY_MS = 86_400_000;

/** Width of the count axis, left of the bars. */
const COUNT_AXIS_WIDTH = 48;

export interface LogHistogramChartProps {
  histogram: LogHistogram;
  /** Called with the absolute range selected by dragging across the bars. */
  onZoom: (range: LogTimeRangeValue) => void;
}

type ChartMouseEvent = { activeLabel?: string | number } | null | undefined;

function labelOf(event: ChartMouseEvent): number | undefined {
  const label = Number(event?.activeLabel);
  return event?.activeLabel !== undefined && Number.isFinite(label)
    ? label
    : undefined;
}

/**
 * Where the pointer is in the chart, beside the bars too (recharts only
 * reports it over them): its x from the chart's left edge, and where the bars
 * begin and end (the chart's margin and count axis around them).
 */
function pointerInChart(
  event: MouseEvent | undefined,
): ChartPointer | undefined {
  const target = event?.target;
  const chart =
    target instanceof Element ? target.closest('.recharts-wrapper') : null;
  if (!event || !chart) return undefined;
  const rect = chart.getBoundingClientRect();
  return {
    x: event.clientX - rect.left,
    plotLeft: CHART_MARGIN.left + COUNT_AXIS_WIDTH,
    plotRight: rect.width - CHART_MARGIN.right,
  };
}

/**
 * Matching records per level over time, as stacked bars. Dragging across the
 * bars (or clicking one) zooms to that time range.
 */
export function LogHistogramChart(props: LogHistogramChartProps) {
  const { histogram, onZoom } = props;
  const theme = useTheme();
  const points = useMemo(() => histogramPoints(histogram), [histogram]);
  const levels = useMemo(() => levelsPresent(points), [points]);
  const [drag, setDrag] = useState<{ start: number; end: number }>();

  const span =
    points.length > 1 ? points[points.length - 1].time - points[0].time : 0;
  const tickFormat = span > DAY_MS ? 'LLL dd HH:mm' : 'HH:mm';

  // the bar a drag is over; beside the bars, the nearest end bar
  const targetOf = (chartEvent: ChartMouseEvent, event?: MouseEvent) =>
    dragTarget(
      points.map(point => point.time),
      labelOf(chartEvent),
      pointerInChart(event),
    );

  const finish = (chartEvent: ChartMouseEvent, event?: MouseEvent) => {
    if (drag) {
      // the release may come before the last (throttled) move was handled
      const end = targetOf(chartEvent, event) ?? drag.end;
      const range = zoomRange(drag.start, end, histogram.bucketSeconds);
      setDrag(undefined);
      if (range) {
        onZoom(range);
      }
    }
  };

  return (
    <ChartFigure
      testId="log-histogram"
      label="Records per level over time"
      caption="Records per level (drag across the bars to zoom)"
      height={160}
    >
      <BarChart
        data={points}
        margin={CHART_MARGIN}
        barCategoryGap={1}
        style={{ cursor: 'crosshair', userSelect: 'none' }}
        onMouseDown={(event: ChartMouseEvent) => {
          const time = labelOf(event);
          if (time !== undefined) {
            setDrag({ start: time, end: time });
          }
        }}
        onMouseMove={(chartEvent: ChartMouseEvent, event?: MouseEvent) => {
          const time = drag && targetOf(chartEvent, event);
          if (drag && time !== undefined && time !== drag.end) {
            setDrag({ ...drag, end: time });
          }
        }}
        onMouseUp={finish}
        onMouseLeave={() => setDrag(undefined)}
      >
        <CartesianGrid vertical={false} strokeDasharray="3 3" />
        <XAxis
          dataKey="time"
          stroke={theme.palette.text.secondary}
          tickFormatter={(value: number) =>
            DateTime.fromMillis(value).toFormat(tickFormat)
          }
          minTickGap={24}
        />
        <YAxis
          allowDecimals={false}
          width={COUNT_AXIS_WIDTH}
          stroke={theme.palette.text.secondary}
        />
        <Tooltip labelFormatter={formatTimeLabel} isAnimationActive={false} />
        <Legend />
        {levels.map(level => (
          <Bar
            key={level}
            dataKey={level}
            name={level}
            stackId="levels"
            fill={LOG_LEVEL_COLORS[level]}
            isAnimationActive={false}
          />
        ))}
        {drag && (
          <ReferenceArea
            x1={Math.min(drag.start, drag.end)}
            x2={Math.max(drag.start, drag.end)}
            fill={theme.palette.primary.main}
            fillOpacity={0.15}
          />
        )}
      </BarChart>
    </ChartFigure>
  );
}
