import Grid from '@material-ui/core/Grid';
import { InfoCard } from '@backstage/core-components';
import { TenantEntityV1alpha1 } from '@opsconsole/backstage-plugin-ops-common';
import { DeliverabilityCard } from './DeliverabilityCard';
import { PlatformTenantCard } from './PlatformTenantCard';
import { TenantFacts } from './TenantFacts';

/**
 * Overview of a tenant: its catalog facts, the platform's live view and its
 * deliverability against the fleet.
 */
export function TenantOverview(props: {
  entity: TenantEntityV1alpha1;
  tenantId: string;
}) {
  const { entity, tenantId } = props;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={6}>
        <InfoCard
          title={entity.metadata.title ?? entity.metadata.name}
          subheader="From the catalog"
          variant="gridItem"
        >
          <TenantFacts entity={entity} tenantId={tenantId} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <PlatformTenantCard entity={entity} tenantId={tenantId} />
      </Grid>
      <Grid item xs={12}>
        <DeliverabilityCard tenantId={tenantId} />
      </Grid>
    </Grid>
  );
}
