import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HealthStatusChip } from './HealthStatusChip';

describe('HealthStatusChip', () => {
  it.each([
    ['pass', 'Pass', 'rgb(46, 125, 50)'],
    ['warn', 'Warn', 'rgb(255, 179, 0)'],
    ['fail', 'Fail', 'rgb(198, 40, 40)'],
    ['unknown', 'Unknown', 'rgb(158, 158, 158)'],
    ['misconfigured', 'Misconfigured', 'rgb(123, 31, 162)'],
  ] as const)('renders %s as %s in its colour', (status, label, color) => {
    render(<HealthStatusChip status={status} />);
    const chip = screen.getByText(label).closest('[data-status]');
    expect(chip).toHaveAttribute('data-status', status);
    expect(chip).toHaveStyle({ backgroundColor: color });
  });

  it('shows the reason in a tooltip', async () => {
    render(
      <HealthStatusChip
        status="misconfigured"
        reason="host not in ops.health.allowedHosts"
      />,
    );
    await userEvent.hover(screen.getByText('Misconfigured'));
    expect(
      await screen.findByText('host not in ops.health.allowedHosts'),
    ).toBeInTheDocument();
  });
});
