import { render, screen } from '@testing-library/react';
import { UptimeStrip } from './UptimeStrip';

describe('UptimeStrip', () => {
  it('renders one bar per hour, grey where there is no data', () => {
    const bars = [null, 1, 0.97, 0.5];
    render(<UptimeStrip bars={bars} />);

    const rendered = screen.getAllByTestId('uptime-bar');
    expect(rendered).toHaveLength(4);
    expect(rendered[0]).toHaveAttribute('title', '4 h ago: no data');
    expect(rendered[0]).toHaveStyle({ backgroundColor: 'rgb(224, 224, 224)' });
    expect(rendered[1]).toHaveStyle({ backgroundColor: 'rgb(46, 125, 50)' });
    expect(rendered[2]).toHaveStyle({ backgroundColor: 'rgb(255, 179, 0)' });
    expect(rendered[3]).toHaveStyle({ backgroundColor: 'rgb(198, 40, 40)' });
    expect(rendered[3]).toHaveAttribute('title', 'last hour: 50.00 % uptime');
    expect(
      screen.getByRole('img', {
        name: 'Hourly uptime, last 4 hours: 3 of 4 hours with data',
      }),
    ).toBeInTheDocument();
  });
});
