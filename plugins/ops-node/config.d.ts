import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Ops Console. */
  ops?: {
    /**
     * The Platform Admin API of the platform the console operates
     * (`@opsconsole/backstage-plugin-ops-common/platform-admin-api.yaml`): where
     * tenants, users, logins, deliverability and feature evaluations come from.
     * Leave out to run without the built-in platform provider.
     */
    platform?: {
      /** Base URL including the API's base path, e.g. `http://127.0.0.1:7101/admin-api/v1`. */
      baseUrl: string;
      /**
       * Bearer token the platform issued to the console.
       * @visibility secret
       */
      token: string;
      /** Timeout of one request, e.g. `{ seconds: 5 }` or `5s`. Default 5 seconds. */
      timeout?: HumanDuration | string;
      /** Provider id shown in `sources` lists. Default `platform`. */
      id?: string;
    };
  };
}
