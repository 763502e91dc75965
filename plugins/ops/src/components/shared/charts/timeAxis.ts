import { XAxisProps } from 'recharts';
import { DateTime } from 'luxon';
import { HealthRange } from '@opsconsole/backstage-plugin-ops-common';

function tickFormat(range: HealthRange): string {
  return range === '1h' || range === '24h' ? 'HH:mm' : 'LLL dd';
}

/** Props of an XAxis over the `time` (epoch ms) of chart points. */
export function timeXAxisProps(range: HealthRange, stroke: string): XAxisProps {
  const format = tickFormat(range);
  return {
    dataKey: 'time',
    type: 'number',
    scale: 'time',
    domain: ['dataMin', 'dataMax'],
    tickFormatter: (value: number) =>
      DateTime.fromMillis(value).toFormat(format),
    stroke,
  };
}

/** A tooltip label for a point's `time`. */
export function formatTimeLabel(value: unknown): string {
  return typeof value === 'number'
    ? DateTime.fromMillis(value).toFormat('yyyy-LL-dd HH:mm')
    : String(value);
}
