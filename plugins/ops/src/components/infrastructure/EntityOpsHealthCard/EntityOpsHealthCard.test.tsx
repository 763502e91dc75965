import { screen } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { OpsApi, opsApiRef } from '../../../api';
import { annotatedEntity, plainEntity } from '../../../__testUtils__/entities';
import { makeFakeOpsApi } from '../../../__testUtils__/fixtures';
import { EntityOpsHealthCard } from './EntityOpsHealthCard';

async function renderCard(opsApi: OpsApi, entity: Entity = annotatedEntity) {
  return renderInTestApp(
    <TestApiProvider apis={[[opsApiRef, opsApi]]}>
      <EntityProvider entity={entity}>
        <EntityOpsHealthCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('EntityOpsHealthCard', () => {
  it('summarises health and links to the Operations tab', async () => {
    const opsApi = makeFakeOpsApi();
    await renderCard(opsApi);

    expect(await screen.findByText('Warn')).toBeInTheDocument();
    expect(screen.getByText('3 hours ago')).toBeInTheDocument();
    expect(screen.getByText('99.93 %')).toBeInTheDocument();
    expect(screen.getByText('120 ms')).toBeInTheDocument();
    expect(
      screen.getByText('Failing checks').nextElementSibling,
    ).toHaveTextContent('1');
    expect(
      screen.getByRole('link', { name: /view operations/i }),
    ).toHaveAttribute('href', '/catalog/default/component/mail-api/ops');
    expect(opsApi.getEntityHealth).toHaveBeenCalledWith(
      'component:default/mail-api',
    );
  });

  it('shows the error of a failed load', async () => {
    await renderCard(
      makeFakeOpsApi({
        getEntityHealth: jest
          .fn()
          .mockRejectedValue(new Error('ops backend unreachable')),
      }),
    );
    expect(
      (await screen.findAllByText(/ops backend unreachable/)).length,
    ).toBeGreaterThan(0);
  });

  it('explains the annotation for entities without it', async () => {
    const opsApi = makeFakeOpsApi();
    await renderCard(opsApi, plainEntity);
    expect(
      screen.getAllByText(/opsconsole\.io\/health-url/).length,
    ).toBeGreaterThan(0);
    expect(opsApi.getEntityHealth).not.toHaveBeenCalled();
  });
});
