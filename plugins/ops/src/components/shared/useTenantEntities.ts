import { useCallback } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  TENANT_KIND,
  TenantEntityV1alpha1,
  isTenantEntity,
} from '@opsconsole/backstage-plugin-ops-common';
import { PolledAsyncState, usePolledAsync } from './usePolledAsync';

/** Every Tenant entity of the catalog. */
export function useTenantEntities(): PolledAsyncState<TenantEntityV1alpha1[]> {
  const catalogApi = useApi(catalogApiRef);
  const load = useCallback(async () => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: TENANT_KIND },
    });
    return items.filter(isTenantEntity);
  }, [catalogApi]);
  return usePolledAsync(load);
}
