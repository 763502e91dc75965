import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TenantFlags } from '@opsconsole/backstage-plugin-ops-common';
import {
  acmeFlags,
  aiComposer,
  todayAt,
} from '../../../__testUtils__/flagFixtures';
import { makeFakeOpsApi } from '../../../__testUtils__/fixtures';
import { mockPermissions, renderOps } from '../../../__testUtils__/renderOps';
import { OpsApi } from '../../../api';
import { TenantFeatures } from './TenantFeatures';

// operators may override flags of acme, not of globex
const { authorize, permissions } = mockPermissions(({ resourceRef }) =>
  resourceRef === 'tenant:default/acme' ? 'ALLOW' : 'DENY',
);

const renderFeatures = (opsApi: OpsApi, tenantId = 'acme') =>
  renderOps(<TenantFeatures tenantId={tenantId} />, { opsApi, permissions });

const aiRow = () => screen.getByTestId('feature-ai-composer');

describe('TenantFeatures', () => {
  it('shows every flag’s effective value, why, and the last evaluation served', async () => {
    const opsApi = makeFakeOpsApi();
    await renderFeatures(opsApi);

    await screen.findByRole('table', { name: 'Features' });
    expect(opsApi.getTenantFlags).toHaveBeenCalledWith('acme');

    const ai = aiRow();
    expect(
      within(ai).getByRole('link', { name: 'Beta: AI Composer' }),
    ).toHaveAttribute('href', '/ops/flags/ai-composer');
    expect(within(ai).getByText('on').closest('[data-value]')).toHaveAttribute(
      'data-value',
      'on',
    );
    expect(within(ai).getByText('Rollout')).toBeInTheDocument();
    expect(
      within(ai).getByText('Rollout 50 %: bucket 12.50 is inside the rollout'),
    ).toBeInTheDocument();
    expect(within(ai).getByTestId('last-evaluation')).toHaveTextContent(
      'last evaluated ai-composer = on at 10:32',
    );

    const retry = screen.getByTestId('feature-bounce-retry-limit');
    expect(within(retry).getByText('standard: 5')).toBeInTheDocument();
    expect(within(retry).getByText('Kill switch')).toBeInTheDocument();
    expect(
      within(retry).getByText('Not evaluated for this tenant yet'),
    ).toBeInTheDocument();
  });

  it('says when the platform has not asked since the answer changed', async () => {
    const overridden: TenantFlags = {
      tenantId: 'acme',
      flags: [
        {
          flag: aiComposer,
          resolution: {
            value: false,
            variant: 'off',
            reason: 'TARGETING_MATCH',
            why: 'override',
          },
          override: {
            flagKey: 'ai-composer',
            tenantId: 'acme',
            variant: 'off',
            reason: 'Breaks their approval workflow',
            actor: 'user:default/jane',
            updatedAt: todayAt(10, 40),
          },
          lastEvaluation: {
            flagKey: 'ai-composer',
            tenantId: 'acme',
            value: true,
            variant: 'on',
            reason: 'SPLIT',
            time: todayAt(10, 32),
          },
        },
      ],
    };
    await renderFeatures(
      makeFakeOpsApi({
        getTenantFlags: jest.fn().mockResolvedValue(overridden),
      }),
    );
    await screen.findByRole('table', { name: 'Features' });
    expect(within(aiRow()).getByText('Tenant override')).toBeInTheDocument();
    expect(
      within(aiRow()).getByText(
        'Overridden for this tenant: Breaks their approval workflow',
      ),
    ).toBeInTheDocument();
    expect(
      within(aiRow()).getByText(
        'Not asked since the answer changed: the platform gets off on its next evaluation.',
      ),
    ).toBeInTheDocument();
    expect(
      await within(aiRow()).findByRole('button', {
        name: 'Remove override: Beta: AI Composer',
      }),
    ).toBeInTheDocument();
  });

  it('hides the override actions without ops.tenant.flags.override on the tenant', async () => {
    const opsApi = makeFakeOpsApi({
      getTenantFlags: jest
        .fn()
        .mockResolvedValue({ ...acmeFlags, tenantId: 'globex' }),
    });
    await renderFeatures(opsApi, 'globex');
    await screen.findByRole('table', { name: 'Features' });
    await waitFor(() =>
      expect(authorize).toHaveBeenCalledWith(
        expect.objectContaining({
          permission: expect.objectContaining({
            name: 'ops.tenant.flags.override',
          }),
          resourceRef: 'tenant:default/globex',
        }),
      ),
    );
    // let the DENY decision reach the component
    await act(async () => {
      await Promise.all(authorize.mock.results.map(result => result.value));
    });
    expect(within(aiRow()).getByText('on')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /Set for this tenant/ }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /Remove override/ }),
    ).not.toBeInTheDocument();
  });

  it('sets a flag for this tenant only: reason, confirmation with the count, PUT, reload', async () => {
    const opsApi = makeFakeOpsApi();
    await renderFeatures(opsApi);

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Set for this tenant: Beta: AI Composer',
      }),
    );
    const dialog = screen.getByRole('dialog');
    await userEvent.click(within(dialog).getByRole('radio', { name: 'Off' }));
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /reason/i }),
      'Breaks their approval workflow',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Review change' }),
    );
    expect(
      await within(dialog).findByText('1 tenant of 12 will change answer.'),
    ).toBeInTheDocument();
    expect(opsApi.getTenantFlags).toHaveBeenCalledTimes(1);

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Set override' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(opsApi.setFlagOverride).toHaveBeenCalledWith('ai-composer', 'acme', {
      variant: 'off',
      reason: 'Breaks their approval workflow',
    });
    await waitFor(() => expect(opsApi.getTenantFlags).toHaveBeenCalledTimes(2));
  });
});
