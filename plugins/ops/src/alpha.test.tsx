import { screen } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import {
  createExtensionTester,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import opsPlugin, { isOpsHealthAvailable } from './alpha';
import { entityOpsHealthCard } from './alpha/entityCards';
import { entityOpsContent } from './alpha/entityContents';
import { opsApiRef } from './api';
import { annotatedEntity, plainEntity } from './__testUtils__/entities';
import { makeFakeOpsApi } from './__testUtils__/fixtures';

type EntityFilter = (entity: Entity) => boolean;

describe('opsPlugin (new frontend system)', () => {
  it('is the ops plugin with the documented extension ids', () => {
    expect(opsPlugin.id).toBe('ops');
    expect(isOpsHealthAvailable(annotatedEntity)).toBe(true);
    for (const id of [
      'api:ops',
      'page:ops',
      'sub-page:ops/infrastructure',
      'entity-content:ops/operations',
      'entity-card:ops/health',
    ]) {
      expect(opsPlugin.getExtension(id as any)).toBeDefined();
    }
  });

  it('serves the Ops Console with the Infrastructure tab at /ops', async () => {
    const opsApi = makeFakeOpsApi();
    renderTestApp({
      features: [opsPlugin],
      apis: [[opsApiRef, opsApi]],
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name':
          convertLegacyRouteRef(entityRouteRef),
      },
      initialRouteEntries: ['/ops'],
    });

    expect(
      await screen.findByRole('list', { name: 'Health targets' }),
    ).toBeInTheDocument();
    expect(screen.getAllByText('Ops Console').length).toBeGreaterThan(0);
    expect(
      screen.getByRole('tab', { name: 'Infrastructure' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'MTA relay' })).toHaveAttribute(
      'href',
      '/catalog/default/component/mta-relay',
    );
    expect(opsApi.getFleetSummary).toHaveBeenCalled();
  });

  it('shows the Operations tab only for entities with the annotation', () => {
    const tester = createExtensionTester(entityOpsContent);
    const filter = tester.get(
      EntityContentBlueprint.dataRefs.filterFunction,
    ) as unknown as EntityFilter;
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'Operations',
    );
    expect(filter(annotatedEntity)).toBe(true);
    expect(filter(plainEntity)).toBe(false);
  });

  it('shows the health card only on components with the annotation', () => {
    const filter = createExtensionTester(entityOpsHealthCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    ) as unknown as EntityFilter;
    expect(filter(annotatedEntity)).toBe(true);
    expect(filter(plainEntity)).toBe(false);
    expect(filter({ ...annotatedEntity, kind: 'Resource' })).toBe(false);
    expect(
      createExtensionTester(entityOpsHealthCard).get(
        EntityCardBlueprint.dataRefs.type,
      ),
    ).toBe('info');
  });
});
