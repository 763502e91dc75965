import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  catalog?: {
    providers?: {
      /**
       * Ingests the tenants of the platform configured under `ops.platform` as Tenant
       * entities (`@opsconsole/backstage-plugin-catalog-backend-module-ops`).
       */
      opsTenants?: {
        /** Entity ref of the owner of every tenant. Default `group:default/ops-admins`. */
        owner?: string;
        /**
         * Entity ref of the System that serves every tenant.
         * Default `system:default/mail-platform`.
         */
        system?: string;
        /** Refresh schedule. Default every 5 minutes, 3 minute timeout, on one replica. */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
  };
}
