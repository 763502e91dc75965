import { useState } from 'react';
import Skeleton from '@material-ui/lab/Skeleton';
import Typography from '@material-ui/core/Typography';
import { InfoCard, ResponseErrorPanel } from '@backstage/core-components';
import { useTenantUsers } from '../useUsers';
import { RevealToggle } from '../../shared/RevealToggle';
import { SourceStatusBanner } from '../../shared/SourceStatusBanner';
import { UsersTable } from '../UsersTable';

/** The users of a tenant, emails masked unless revealed. */
export function TenantUsers(props: { tenantId: string }) {
  const [reveal, setReveal] = useState(false);
  const users = useTenantUsers(props.tenantId, reveal);
  // once reveal is switched off, unmasked data leaves the screen at once
  const value =
    users.value && (!users.value.revealed || reveal) ? users.value : undefined;
  return (
    <InfoCard
      title={value ? `Users (${value.users.length})` : 'Users'}
      action={<RevealToggle revealed={reveal} onChange={setReveal} />}
    >
      {value && <SourceStatusBanner sources={value.sources} />}
      {users.error && (
        <ResponseErrorPanel
          error={users.error}
          title={value ? 'Could not refresh the users' : undefined}
        />
      )}
      {!value && (!users.error || users.value) && (
        <Skeleton
          variant="rect"
          height={200}
          data-testid="tenant-users-skeleton"
        />
      )}
      {value && value.users.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          This tenant has no users.
        </Typography>
      )}
      {value && value.users.length > 0 && (
        <UsersTable users={value.users} hideTenant label="Tenant users" />
      )}
    </InfoCard>
  );
}
