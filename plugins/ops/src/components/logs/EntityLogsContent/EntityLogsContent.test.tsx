import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { annotatedEntity } from '../../../__testUtils__/entities';
import { makeFakeOpsApi } from '../../../__testUtils__/fixtures';
import { mockElementSize } from '../../../__testUtils__/layout';
import { renderLogs } from '../../../__testUtils__/renderLogs';
import { EntityLogsContent } from './EntityLogsContent';
import { logServiceOf } from './logService';

mockElementSize();

describe('EntityLogsContent', () => {
  it('limits the viewer to service:<entity name> and ANDs the typed query', async () => {
    const opsApi = makeFakeOpsApi();
    await renderLogs(<EntityLogsContent />, {
      opsApi,
      entity: annotatedEntity,
      path: '/catalog/default/component/mail-api/logs',
    });
    await screen.findByRole('table', { name: 'Log records' });
    expect(opsApi.searchLogs).toHaveBeenCalledWith(
      expect.objectContaining({ query: 'service:mail-api' }),
    );
    expect(screen.getByText('service:mail-api')).toBeInTheDocument();
    // the scope is not part of the editable query
    expect(screen.getByRole('textbox', { name: 'Log query' })).toHaveValue('');

    await userEvent.type(
      screen.getByRole('textbox', { name: 'Log query' }),
      'level>=warn{Enter}',
    );
    await waitFor(() =>
      expect(opsApi.searchLogs).toHaveBeenLastCalledWith(
        expect.objectContaining({ query: 'service:mail-api level>=warn' }),
      ),
    );
  });

  it('does not send a query that is too long once the scope is added, and says why', async () => {
    const opsApi = makeFakeOpsApi();
    await renderLogs(<EntityLogsContent />, {
      opsApi,
      entity: annotatedEntity,
      path: '/catalog/default/component/mail-api/logs',
    });
    await screen.findByRole('table', { name: 'Log records' });
    const calls = opsApi.searchLogs.mock.calls.length;
    const input = screen.getByRole('textbox', { name: 'Log query' });
    // fits the limit alone (2,000), not with `service:mail-api `
    await userEvent.click(input);
    await userEvent.paste('a'.repeat(1990));
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(
      screen.getByRole('list', { name: 'Query errors' }),
    ).toHaveTextContent(
      'query is too long: with service:mail-api it has 2007 characters, at most 2000 are allowed (1983 for the query here)',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(opsApi.searchLogs).toHaveBeenCalledTimes(calls);

    await userEvent.type(input, '{Backspace}'.repeat(7));
    expect(input).toHaveAttribute('aria-invalid', 'false');
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() =>
      expect(opsApi.searchLogs).toHaveBeenLastCalledWith(
        expect.objectContaining({
          query: `service:mail-api ${'a'.repeat(1983)}`,
        }),
      ),
    );
  });

  it('takes the service from the opsconsole.io/log-service annotation', () => {
    expect(logServiceOf(annotatedEntity)).toBe('mail-api');
    expect(
      logServiceOf({
        ...annotatedEntity,
        metadata: {
          ...annotatedEntity.metadata,
          annotations: { 'opsconsole.io/log-service': 'mail api v2' },
        },
      }),
    ).toBe('mail api v2');
  });
});
