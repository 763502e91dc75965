import { render, screen } from '@testing-library/react';
import { entityHistory } from '../../../__testUtils__/fixtures';
import { mockChartContainerSize } from '../../../__testUtils__/layout';
import { HealthHistoryCharts } from './HealthHistoryCharts';

describe('HealthHistoryCharts', () => {
  mockChartContainerSize();

  it('draws latency p50/p95 lines and an availability area', () => {
    render(<HealthHistoryCharts history={entityHistory} />);

    const latency = screen.getByTestId('latency-chart');
    expect(latency.querySelectorAll('.recharts-line')).toHaveLength(2);
    expect(latency.querySelector('.recharts-line-curve')).toHaveAttribute(
      'd',
      expect.stringMatching(/^M/),
    );
    expect(latency).toHaveTextContent('p50');
    expect(latency).toHaveTextContent('p95');

    const availability = screen.getByTestId('availability-chart');
    expect(availability.querySelectorAll('.recharts-area')).toHaveLength(1);
    // the lowest bucket is 95 %: the axis starts at 90 %
    expect(availability).toHaveTextContent('90 %');
    expect(availability).toHaveTextContent('100 %');
  });

  it('says so when there are no probes in the range', () => {
    render(
      <HealthHistoryCharts
        history={{ ...entityHistory, range: '7d', buckets: [] }}
      />,
    );
    expect(
      screen.getByText('No probes recorded in the last 7d.'),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('latency-chart')).not.toBeInTheDocument();
  });
});
