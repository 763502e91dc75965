import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { alertApiRef } from '@backstage/core-plugin-api';
import { TestApiProvider } from '@backstage/test-utils';
import { LogExportFile, opsApiRef } from '../../../api';
import { makeFakeOpsApi } from '../../../__testUtils__/fixtures';
import { LogExportButtons } from './LogExportButtons';

describe('LogExportButtons', () => {
  let click: jest.SpyInstance;
  beforeEach(() => {
    Object.assign(URL, {
      createObjectURL: jest.fn(() => 'blob:logs'),
      revokeObjectURL: jest.fn(),
    });
    click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
  });
  afterEach(() => click.mockRestore());

  async function exportWith(exported: LogExportFile) {
    const opsApi = makeFakeOpsApi({
      exportLogs: jest.fn().mockResolvedValue(exported),
    });
    const alertApi = { post: jest.fn(), alert$: jest.fn() };
    render(
      <TestApiProvider
        apis={[
          [opsApiRef, opsApi],
          [alertApiRef, alertApi],
        ]}
      >
        <LogExportButtons searchWindow={{ query: 'tenant:acme' }} />
      </TestApiProvider>,
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Export NDJSON' }),
    );
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    return alertApi.post;
  }

  it('shows the most records an export holds, and says when an export stopped there', async () => {
    const post = await exportWith({
      file: new Blob(['{}\n{}\n']),
      records: 2,
      maxRecords: 2,
    });
    expect(await screen.findByText('at most 2 records')).toBeInTheDocument();
    expect(post).toHaveBeenCalledWith({
      severity: 'warning',
      message:
        'The export stopped at 2 records, the most one export holds: it has the newest ones. Narrow the time range for older records.',
    });
  });

  it('says nothing more for an export below the limit', async () => {
    const post = await exportWith({
      file: new Blob(['{}\n']),
      records: 1,
      maxRecords: 100000,
    });
    expect(
      await screen.findByText('at most 100,000 records'),
    ).toBeInTheDocument();
    expect(post).not.toHaveBeenCalled();
  });

  it('says when an export failed part-way', async () => {
    const post = await exportWith({
      file: new Blob(['{}\n{"error":"boom"}\n']),
      records: 1,
      maxRecords: 100000,
      error: 'boom',
    });
    expect(post).toHaveBeenCalledWith({
      severity: 'error',
      message:
        'Export incomplete: boom. The file holds the 1 newest records, up to the failure.',
    });
  });
});
