import { screen } from '@testing-library/react';
import { makeFakeOpsApi } from '../../../__testUtils__/fixtures';
import { mockElementSize } from '../../../__testUtils__/layout';
import { renderLogs } from '../../../__testUtils__/renderLogs';
import { acmeEntity } from '../../../__testUtils__/tenantFixtures';
import { EntityTenantOpsContent } from './EntityTenantOpsContent';

mockElementSize();

describe('EntityTenantOpsContent logs section', () => {
  it('shows the log viewer limited to tenant:<id>', async () => {
    const opsApi = makeFakeOpsApi();
    await renderLogs(<EntityTenantOpsContent />, {
      opsApi,
      entity: acmeEntity,
      path: '/catalog/default/tenant/acme/tenant',
      search: '?section=logs&range=24h',
    });
    expect(screen.getByRole('tab', { name: 'Logs' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await screen.findByRole('table', { name: 'Log records' });
    expect(opsApi.searchLogs).toHaveBeenCalledWith(
      expect.objectContaining({ query: 'tenant:acme' }),
    );
  });
});
