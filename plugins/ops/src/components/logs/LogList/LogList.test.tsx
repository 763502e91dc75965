import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/test-utils';
import { LOG_LEVELS, LogRecord } from '@opsconsole/backstage-plugin-ops-common';
import { mockElementSize } from '../../../__testUtils__/layout';
import { LogList } from './LogList';

mockElementSize({ width: 1200, height: 600 });

function manyRecords(count: number): LogRecord[] {
  const start = Date.parse('2026-11-25T12:00:00.000Z');
  return Array.from({ length: count }, (_, i) => ({
    id: `r${i}`,
    time: new Date(start - i * 10).toISOString(),
    level: LOG_LEVELS[i % LOG_LEVELS.length],
    service: 'mailer',
    body: `line ${i}`,
    attributes: {},
  }));
}

describe('LogList', () => {
  it('keeps only the rows in view in the document with 100,000 records', async () => {
    const onEndReached = jest.fn();
    await renderInTestApp(
      <LogList
        records={manyRecords(100_000)}
        renderDetails={record => <p>details of {record.id}</p>}
        onEndReached={onEndReached}
      />,
    );
    const table = screen.getByRole('table', { name: 'Log records' });
    expect(table).toHaveAttribute('aria-rowcount', '100001');
    const rows = within(table).getAllByRole('row');
    // 600 px of 24 px rows plus the overscan, and the header
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.length).toBeLessThan(100);
    expect(rows[1]).toHaveAttribute('aria-rowindex', '2');
    expect(rows[1]).toHaveTextContent('line 0');
    expect(screen.queryByText('line 99999')).not.toBeInTheDocument();
    expect(onEndReached).not.toHaveBeenCalled();
  });

  it('expands and collapses a row', async () => {
    await renderInTestApp(
      <LogList
        records={manyRecords(3)}
        renderDetails={record => <p>details of {record.id}</p>}
      />,
    );
    const toggle = screen.getAllByRole('button', { name: 'Show details' })[1];
    await userEvent.click(toggle);
    expect(screen.getByText('details of r1')).toBeInTheDocument();
    const hide = screen.getByRole('button', { name: 'Hide details' });
    expect(hide).toHaveAttribute('aria-expanded', 'true');
    await userEvent.click(hide);
    expect(screen.queryByText('details of r1')).not.toBeInTheDocument();
  });

  it('asks for older records when the last one comes into view', async () => {
    const onEndReached = jest.fn();
    await renderInTestApp(
      <LogList
        records={manyRecords(5)}
        renderDetails={() => null}
        onEndReached={onEndReached}
      />,
    );
    expect(onEndReached).toHaveBeenCalled();
  });
});
