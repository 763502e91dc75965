import { createRouteRef } from '@backstage/core-plugin-api';

/** Root of the Ops Console pages (`/ops`). */
export const rootRouteRef = createRouteRef({ id: 'ops' });

/** The Operations tab of an entity page. */
export const entityContentRouteRef = createRouteRef({
  id: 'ops:entity-content',
});
