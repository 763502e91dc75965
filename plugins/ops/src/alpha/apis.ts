import { ApiBlueprint } from '@backstage/frontend-plugin-api';
import { opsApiFactory } from '../api';

/** The ops API, built by the same factory as the legacy plugin's. */
export const opsApi = ApiBlueprint.make({
  params: defineParams => defineParams(opsApiFactory),
});
