import { render, screen } from '@testing-library/react';
import { mockChartContainerSize } from '../../../__testUtils__/layout';
import { TimeSeriesChart } from './TimeSeriesChart';

const HOUR = 3_600_000;
const start = Date.parse('2026-11-26T08:00:00Z');
const points = [0, 1, 2, 3].map(i => ({
  time: start + i * HOUR,
  sent: 1000 * (i + 1),
  failed: i === 2 ? null : 10 * i,
}));

describe('TimeSeriesChart', () => {
  mockChartContainerSize();

  it('draws one line per series with the values formatted on the axis and a legend', () => {
    render(
      <TimeSeriesChart
        kind="line"
        testId="mail-chart"
        label="Mail per hour"
        caption="Mail (per hour)"
        points={points}
        range="24h"
        formatValue={value => `${value / 1000}k`}
        series={[
          { dataKey: 'sent', name: 'Sent', color: '#123456' },
          {
            dataKey: 'failed',
            name: 'Failed',
            color: '#654321',
            strokeDasharray: '4 4',
          },
        ]}
      />,
    );
    const chart = screen.getByTestId('mail-chart');
    expect(chart).toHaveAccessibleName('Mail per hour');
    expect(chart).toHaveTextContent('Mail (per hour)');
    expect(chart.querySelectorAll('.recharts-line')).toHaveLength(2);
    expect(chart.querySelectorAll('.recharts-area')).toHaveLength(0);
    const curves = chart.querySelectorAll('.recharts-line-curve');
    expect(curves[0]).toHaveAttribute('stroke', '#123456');
    expect(curves[1]).toHaveAttribute('stroke-dasharray', '4 4');
    // the empty bucket breaks the line: two segments
    expect(curves[1].getAttribute('d')?.match(/M/g)).toHaveLength(2);
    expect(chart).toHaveTextContent('4k');
    expect(chart.querySelector('.recharts-legend-wrapper')).toHaveTextContent(
      'SentFailed',
    );
  });

  it('draws filled areas, with the given value axis and without a legend when asked', () => {
    render(
      <TimeSeriesChart
        kind="area"
        testId="sent-chart"
        label="Sent"
        caption="Sent"
        points={points}
        range="7d"
        valueAxis={{ domain: [0, 5000], ticks: [0, 2500, 5000] }}
        legend={false}
        series={[
          { dataKey: 'sent', name: 'Sent', color: '#123456', fillOpacity: 0.1 },
        ]}
      />,
    );
    const chart = screen.getByTestId('sent-chart');
    expect(chart.querySelectorAll('.recharts-area')).toHaveLength(1);
    expect(chart.querySelector('.recharts-area-area')).toHaveAttribute(
      'fill-opacity',
      '0.1',
    );
    expect(chart).toHaveTextContent('2500');
    expect(chart.querySelector('.recharts-legend-wrapper')).toBeNull();
  });
});
