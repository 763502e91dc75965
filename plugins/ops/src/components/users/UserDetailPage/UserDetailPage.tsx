import { useState } from 'react';
import Grid from '@material-ui/core/Grid';
import Skeleton from '@material-ui/lab/Skeleton';
import { useParams } from 'react-router-dom';
import { InfoCard, Link, ResponseErrorPanel } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { useOptionalRouteRef } from '../../shared/useOptionalRouteRef';
import { useUserDetail } from '../useUsers';
import { usersRouteRef } from '../../../routes';
import { FactList } from '../../shared/FactList';
import { RelativeTime } from '../../shared/RelativeTime';
import { RevealToggle } from '../../shared/RevealToggle';
import { SourceStatusBanner } from '../../shared/SourceStatusBanner';
import { UserStatusChip } from '../UsersTable';
import { LoginHistory } from './LoginHistory';
import { LoginPatternChart } from './LoginPatternChart';
import { MembershipsTable } from './MembershipsTable';
import { UnusualSources } from './UnusualSources';

/**
 * One platform user (`/ops/users/:userId`): the account, its memberships in
 * every tenant, the login pattern with unusual sources flagged, and the login
 * history. Personal data masked unless revealed.
 */
export function UserDetailPage() {
  const { userId = '' } = useParams();
  const [reveal, setReveal] = useState(false);
  const detail = useUserDetail(userId, reveal);
  const usersLink = useOptionalRouteRef(usersRouteRef);
  const value =
    detail.value && (!detail.value.revealed || reveal)
      ? detail.value
      : undefined;

  if (!value) {
    if (detail.error) {
      return <ResponseErrorPanel error={detail.error} />;
    }
    return (
      <div data-testid="user-skeleton" aria-busy="true">
        <Skeleton variant="rect" height={160} style={{ marginBottom: 24 }} />
        <Skeleton variant="rect" height={240} />
      </div>
    );
  }

  const { user, memberships, logins, pattern } = value;
  return (
    <Grid container spacing={3}>
      {usersLink && (
        <Grid item xs={12}>
          <Link to={usersLink()}>← User search</Link>
        </Grid>
      )}
      <Grid item xs={12}>
        <SourceStatusBanner sources={value.sources} />
        {detail.error && <ResponseErrorPanel error={detail.error} />}
      </Grid>
      <Grid item xs={12} md={5}>
        <InfoCard
          title={user.name}
          variant="gridItem"
          action={<RevealToggle revealed={reveal} onChange={setReveal} />}
        >
          <FactList breakValues>
            <dt>Email</dt>
            <dd data-testid="user-email">{user.email}</dd>
            <dt>Tenant</dt>
            <dd>
              <EntityRefLink entityRef={user.tenant.entityRef}>
                {user.tenant.id}
              </EntityRefLink>
            </dd>
            <dt>Role</dt>
            <dd>{user.role}</dd>
            <dt>Status</dt>
            <dd>
              <UserStatusChip status={user.status} />
            </dd>
            <dt>Last login</dt>
            <dd>
              <RelativeTime value={user.lastLoginAt} />
            </dd>
            <dt>User id</dt>
            <dd>
              <code>{user.id}</code>
            </dd>
          </FactList>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={7}>
        <InfoCard title="Unusual login sources" variant="gridItem">
          <UnusualSources unusual={pattern.unusual} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Login pattern">
          <LoginPatternChart pattern={pattern} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard
          title={`Tenant memberships (${memberships.length})`}
          subheader="Accounts with the same email address in every tenant"
        >
          <MembershipsTable memberships={memberships} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard
          title="Login history"
          subheader="The last 30 days, newest first"
        >
          <LoginHistory logins={logins} unusual={pattern.unusual} />
        </InfoCard>
      </Grid>
    </Grid>
  );
}
