import {
  createApiFactory,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { opsApiRef } from './OpsApi';
import { OpsClient } from './OpsClient';

/**
 * The one factory of {@link OpsApi}, shared by the legacy plugin (`createPlugin`)
 * and the new frontend system (`ApiBlueprint`).
 *
 * @public
 */
export const opsApiFactory = createApiFactory({
  api: opsApiRef,
  deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
  factory: ({ discoveryApi, fetchApi }) =>
    new OpsClient({ discoveryApi, fetchApi }),
});
