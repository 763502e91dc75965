import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { annotatedEntity } from '../../__testUtils__/entities';
import { makeFakeOpsApi } from '../../__testUtils__/fixtures';
import { mockElementSize } from '../../__testUtils__/layout';
import { renderLogs } from '../../__testUtils__/renderLogs';
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
