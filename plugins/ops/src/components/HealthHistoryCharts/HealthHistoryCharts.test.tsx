import { render, screen } from '@testing-library/react';
import { entityHistory } from '../../__testUtils__/fixtures';
import { HealthHistoryCharts } from './HealthHistoryCharts';

// jsdom does no layout: give the charts' containers a size so recharts draws
// (only them: a sized legend would take the whole chart height)
function giveChartContainersASize() {
  const original = HTMLElement.prototype.getBoundingClientRect;
  return jest
    .spyOn(HTMLElement.prototype, 'getBoundingClientRect')
    .mockImplementation(function rect(this: HTMLElement) {
      return this.classList.contains('recharts-responsive-container')
        ? ({ width: 600, height: 240 } as DOMRect)
        : original.call(this);
    });
}

describe('HealthHistoryCharts', () => {
  it('draws latency p50/p95 lines and an availability area', () => {
    const size = giveChartContainersASize();
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
    size.mockRestore();
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
