import { useEffect } from 'react';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  opsTenantNotifyPermission,
  tenantEntityRef,
} from '@opsconsole/backstage-plugin-ops-common';
import { useTenantNotices } from '../useQueues';
import { TenantNotices } from './TenantNotices';

/**
 * The notices sent to a tenant's admin, for callers who may notify that tenant
 * (`ops.tenant.notify` on the Tenant entity, the backend's rule for the list);
 * nothing otherwise. `version` changes after a send, to reload the list.
 */
export function PermittedTenantNotices(props: {
  tenantId: string;
  version: number;
}) {
  const { allowed } = usePermission({
    permission: opsTenantNotifyPermission,
    resourceRef: tenantEntityRef(props.tenantId),
  });
  return allowed ? <LoadedTenantNotices {...props} /> : null;
}

function LoadedTenantNotices(props: { tenantId: string; version: number }) {
  const notices = useTenantNotices(props.tenantId);
  const { refresh } = notices;
  useEffect(() => {
    if (props.version > 0) refresh();
  }, [props.version, refresh]);
  return <TenantNotices notices={notices} />;
}
