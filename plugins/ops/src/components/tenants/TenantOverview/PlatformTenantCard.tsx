import Skeleton from '@material-ui/lab/Skeleton';
import Typography from '@material-ui/core/Typography';
import { InfoCard, ResponseErrorPanel } from '@backstage/core-components';
import { TenantEntityV1alpha1 } from '@opsconsole/backstage-plugin-ops-common';
import { useTenantDetail } from '../useTenants';
import { TENANT_TIER_LABELS } from '../tenantFormat';
import { FactList } from '../../shared/FactList';
import { RelativeTime } from '../../shared/RelativeTime';
import { SourceStatusBanner } from '../../shared/SourceStatusBanner';
import { TenantStatusChip } from './TenantStatusChip';

function Differs(props: { show: boolean }) {
  return props.show ? (
    <Typography component="span" variant="caption" color="error">
      {' '}
      (the catalog says otherwise: it refreshes on a schedule)
    </Typography>
  ) : null;
}

/**
 * The platform's own view of the tenant, live from the Platform Admin API,
 * with the fields that differ from the (scheduled) catalog entity marked.
 */
export function PlatformTenantCard(props: {
  entity: TenantEntityV1alpha1;
  tenantId: string;
}) {
  const { entity, tenantId } = props;
  const detail = useTenantDetail(tenantId);
  const tenant = detail.value?.tenant;
  return (
    <InfoCard title="On the platform" subheader="Live" variant="gridItem">
      {detail.value && <SourceStatusBanner sources={detail.value.sources} />}
      {!tenant && detail.error && <ResponseErrorPanel error={detail.error} />}
      {!tenant && !detail.error && <Skeleton variant="rect" height={160} />}
      {tenant && (
        <div role="group" aria-label="Platform facts">
          <FactList>
            <dt>Name</dt>
            <dd>{tenant.name}</dd>
            <dt>Tier</dt>
            <dd>
              {TENANT_TIER_LABELS[tenant.tier] ?? tenant.tier}
              <Differs show={tenant.tier !== entity.spec.tier} />
            </dd>
            <dt>Status</dt>
            <dd>
              <TenantStatusChip status={tenant.status} />
              <Differs show={tenant.status !== entity.spec.status} />
            </dd>
            <dt>Region</dt>
            <dd>{tenant.region}</dd>
            <dt>Admin</dt>
            <dd>
              {tenant.adminName ? `${tenant.adminName} · ` : ''}
              {tenant.adminEmail}
            </dd>
            <dt>Created</dt>
            <dd>
              <RelativeTime value={tenant.createdAt} />
            </dd>
            <dt>Source</dt>
            <dd>{tenant.source}</dd>
          </FactList>
        </div>
      )}
    </InfoCard>
  );
}
