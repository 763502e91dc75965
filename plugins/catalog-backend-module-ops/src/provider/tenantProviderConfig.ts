import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';

/** Config key of the tenant entity provider. */
export const TENANT_PROVIDER_CONFIG_KEY = 'catalog.providers.opsTenants';

/** Owner of ingested tenants unless `catalog.providers.opsTenants.owner` says otherwise. */
export const DEFAULT_TENANT_OWNER = 'group:default/ops-admins';

/** System of ingested tenants unless `catalog.providers.opsTenants.system` says otherwise. */
export const DEFAULT_TENANT_SYSTEM = 'system:default/mail-platform';

/** Refresh schedule unless `catalog.providers.opsTenants.schedule` says otherwise. */
export const DEFAULT_TENANT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 5 },
  timeout: { minutes: 3 },
  initialDelay: { seconds: 15 },
};

/** Settings of the tenant entity provider, read from `catalog.providers.opsTenants`. */
export interface TenantProviderConfig {
  /** Full entity ref of the owner of every ingested tenant. */
  owner: string;
  /** Full entity ref of the System every ingested tenant depends on. */
  system: string;
  schedule: SchedulerServiceTaskScheduleDefinition;
}

export function readTenantProviderConfig(config: Config): TenantProviderConfig {
  const providerConfig = config.getOptionalConfig(TENANT_PROVIDER_CONFIG_KEY);
  const scheduleConfig = providerConfig?.getOptionalConfig('schedule');
  return {
    owner: readRef(providerConfig, 'owner', 'Group', DEFAULT_TENANT_OWNER),
    system: readRef(providerConfig, 'system', 'System', DEFAULT_TENANT_SYSTEM),
    schedule: scheduleConfig
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig)
      : DEFAULT_TENANT_SCHEDULE,
  };
}

function readRef(
  config: Config | undefined,
  key: string,
  defaultKind: string,
  fallback: string,
): string {
  const value = config?.getOptionalString(key) ?? fallback;
  try {
    return stringifyEntityRef(
      parseEntityRef(value, { defaultKind, defaultNamespace: 'default' }),
    );
  } catch (error) {
    throw new Error(
      `${TENANT_PROVIDER_CONFIG_KEY}.${key} "${value}" is not a valid entity reference: ${
        (error as Error).message
      }`,
    );
  }
}
