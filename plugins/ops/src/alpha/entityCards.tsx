import { ExtensionDefinition } from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { OPS_HEALTH_URL_ANNOTATION } from '@opsconsole/backstage-plugin-ops-common';

/** The health card on the overview of components that name a health endpoint. */
export const entityOpsHealthCard: ExtensionDefinition =
  EntityCardBlueprint.make({
    name: 'health',
    params: {
      // a compact card: the narrow info column, next to "About"
      type: 'info',
      filter: {
        kind: 'component',
        [`metadata.annotations.${OPS_HEALTH_URL_ANNOTATION}`]: {
          $exists: true,
        },
      },
      loader: () =>
        import('../components/infrastructure/EntityOpsHealthCard').then(m => (
          <m.EntityOpsHealthCard />
        )),
    },
  });
