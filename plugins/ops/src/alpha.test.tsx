import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApis } from '@backstage/test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { Entity } from '@backstage/catalog-model';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import {
  createExtensionTester,
  renderInTestApp,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import opsPlugin, { isOpsHealthAvailable } from './alpha';
import { entityOpsHealthCard } from './alpha/entityCards';
import {
  entityLogsContent,
  entityOpsContent,
  entityTenantOpsContent,
} from './alpha/entityContents';
import { opsApiRef } from './api';
import { rootRouteRef } from './routes';
import { annotatedEntity, plainEntity } from './__testUtils__/entities';
import { makeFakeOpsApi } from './__testUtils__/fixtures';
import { acmeEntity } from './__testUtils__/tenantFixtures';

type EntityFilter = (entity: Entity) => boolean;

describe('opsPlugin (new frontend system)', () => {
  it('is the ops plugin with the documented extension ids', () => {
    expect(opsPlugin.id).toBe('ops');
    expect(isOpsHealthAvailable(annotatedEntity)).toBe(true);
    for (const id of [
      'api:ops',
      'page:ops',
      'sub-page:ops/infrastructure',
      'sub-page:ops/queues',
      'sub-page:ops/tenants',
      'sub-page:ops/flags',
      'sub-page:ops/users',
      'sub-page:ops/logs',
      'entity-content:ops/logs',
      'entity-content:ops/operations',
      'entity-content:ops/tenant',
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

  it('serves the Flags tab, linking each flag to its page below /ops/flags', async () => {
    const opsApi = makeFakeOpsApi();
    renderTestApp({
      features: [opsPlugin],
      apis: [
        [opsApiRef, opsApi],
        [permissionApiRef, mockApis.permission()],
      ],
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name':
          convertLegacyRouteRef(entityRouteRef),
      },
      initialRouteEntries: ['/ops/flags'],
    });

    expect(
      await screen.findByRole('table', { name: 'Flags' }),
    ).toBeInTheDocument();
    for (const tab of ['Infrastructure', 'Tenants', 'Flags', 'Users']) {
      expect(screen.getByRole('tab', { name: tab })).toBeInTheDocument();
    }
    const link = screen.getByRole('link', { name: 'Beta: AI Composer' });
    expect(link).toHaveAttribute('href', '/ops/flags/ai-composer');

    await userEvent.click(link);
    expect(
      await screen.findByRole('table', { name: 'Overrides' }),
    ).toBeInTheDocument();
    expect(opsApi.getFlag).toHaveBeenCalledWith('ai-composer');
  });

  it('shows the Tenant Management tab only for Tenant entities', () => {
    const tester = createExtensionTester(entityTenantOpsContent);
    const filter = tester.get(
      EntityContentBlueprint.dataRefs.filterFunction,
    ) as unknown as EntityFilter;
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'Tenant Management',
    );
    expect(filter(acmeEntity)).toBe(true);
    expect(filter(annotatedEntity)).toBe(false);
    expect(filter({ ...acmeEntity, apiVersion: 'backstage.io/v1alpha1' })).toBe(
      false,
    );
  });

  it('renders the tenant content with links into the Ops Console', async () => {
    const opsApi = makeFakeOpsApi();
    const tester = createExtensionTester(entityTenantOpsContent);
    renderInTestApp(
      <EntityProvider entity={acmeEntity}>
        {tester.reactElement()}
      </EntityProvider>,
      {
        apis: [
          [opsApiRef, opsApi],
          [permissionApiRef, mockApis.permission()],
        ],
        mountedRoutes: {
          '/ops': convertLegacyRouteRef(rootRouteRef),
          '/catalog/:namespace/:kind/:name':
            convertLegacyRouteRef(entityRouteRef),
        },
        initialRouteEntries: ['/?section=features'],
      },
    );
    expect(
      await screen.findByRole('link', { name: 'Beta: AI Composer' }),
    ).toHaveAttribute('href', '/ops/flags/ai-composer');
    expect(opsApi.getTenantFlags).toHaveBeenCalledWith('acme');
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

  it('shows the Logs tab on components', () => {
    const tester = createExtensionTester(entityLogsContent);
    const filter = tester.get(
      EntityContentBlueprint.dataRefs.filterFunction,
    ) as unknown as EntityFilter;
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Logs');
    expect(filter(plainEntity)).toBe(true);
    expect(filter(acmeEntity)).toBe(false);
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
