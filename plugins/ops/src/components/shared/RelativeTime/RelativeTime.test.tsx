import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DateTime } from 'luxon';
import { RelativeTime } from './RelativeTime';

describe('RelativeTime', () => {
  it('shows relative time with the absolute time in a tooltip', async () => {
    const time = DateTime.now().minus({ hours: 3 });
    render(<RelativeTime value={time.toISO()!} />);
    const element = screen.getByText('3 hours ago');
    expect(element).toHaveAttribute('dateTime', time.toISO());
    await userEvent.hover(element);
    expect(
      await screen.findByText(time.toFormat('yyyy-LL-dd HH:mm:ss ZZZZ')),
    ).toBeInTheDocument();
  });

  it('shows a dash without a value', () => {
    render(<RelativeTime />);
    expect(screen.getByText('–')).toBeInTheDocument();
  });
});
