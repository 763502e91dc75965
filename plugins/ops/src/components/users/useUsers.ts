import { useCallback } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  TenantUsers,
  UserDetail,
  UserSearchResult,
} from '@opsconsole/backstage-plugin-ops-common';
import { opsApiRef } from '../../api';
import { PolledAsyncState, usePolledAsync } from '../shared/usePolledAsync';

/** The backend refuses shorter searches. */
export const MIN_USER_QUERY_LENGTH = 2;

/** Users matching `query` (nothing is asked below 2 characters). */
export function useUserSearch(
  query: string,
  reveal: boolean,
): PolledAsyncState<UserSearchResult | undefined> {
  const opsApi = useApi(opsApiRef);
  const load = useCallback(
    async () =>
      query.length >= MIN_USER_QUERY_LENGTH
        ? opsApi.searchUsers({ query, reveal })
        : undefined,
    [opsApi, query, reveal],
  );
  return usePolledAsync(load);
}

/** One user's memberships, logins and login pattern. */
export function useUserDetail(
  userId: string,
  reveal: boolean,
): PolledAsyncState<UserDetail> {
  const opsApi = useApi(opsApiRef);
  const load = useCallback(
    () => opsApi.getUser(userId, { reveal }),
    [opsApi, userId, reveal],
  );
  return usePolledAsync(load);
}

/** The users of a tenant; personal data unmasked when `reveal`. */
export function useTenantUsers(
  tenantId: string,
  reveal: boolean,
): PolledAsyncState<TenantUsers> {
  const opsApi = useApi(opsApiRef);
  const load = useCallback(
    () => opsApi.listTenantUsers(tenantId, { reveal }),
    [opsApi, tenantId, reveal],
  );
  return usePolledAsync(load);
}
