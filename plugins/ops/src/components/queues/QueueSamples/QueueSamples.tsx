import { useState } from 'react';
import Grid from '@material-ui/core/Grid';
import Skeleton from '@material-ui/lab/Skeleton';
import Alert from '@material-ui/lab/Alert';
import { InfoCard, ResponseErrorPanel } from '@backstage/core-components';
import {
  opsTenantQueueSamplesUnredactedPermission,
  tenantEntityRef,
} from '@opsconsole/backstage-plugin-ops-common';
import { useTenantQueueSamples } from '../useQueues';
import { RevealToggle } from '../../shared/RevealToggle';
import { SourceStatusBanner } from '../../shared/SourceStatusBanner';
import { RecipientPatternsCard } from './RecipientPatternsCard';
import { SampleJobsTable } from './SampleJobsTable';

/** @public */
export interface QueueSamplesProps {
  tenantId: string;
}

/**
 * Recent jobs of a tenant's queues, redacted by the backend (masked
 * recipients, truncated bodies), and the recipient patterns. With
 * `ops.tenant.queue.samples.unredacted` on the tenant a switch shows them
 * unredacted; every such view is audited.
 */
export function QueueSamples(props: QueueSamplesProps) {
  const { tenantId } = props;
  const [unredacted, setUnredacted] = useState(false);
  const samples = useTenantQueueSamples(tenantId, unredacted);
  // once the switch is off, unredacted data leaves the screen at once
  const value =
    samples.value &&
    (unredacted || samples.value.jobs.every(job => job.redacted))
      ? samples.value
      : undefined;
  const showsUnredacted = value?.jobs.some(job => !job.redacted) ?? false;

  return (
    <InfoCard
      title="Samples"
      subheader="Recent jobs of the tenant's queues"
      action={
        <RevealToggle
          revealed={unredacted}
          onChange={setUnredacted}
          access={{
            permission: opsTenantQueueSamplesUnredactedPermission,
            resourceRef: tenantEntityRef(tenantId),
          }}
          label="Show unredacted (audited)"
          tooltip="Shows recipients and bodies as queued. Every unredacted view is recorded in the audit trail."
        />
      }
    >
      {samples.error && <ResponseErrorPanel error={samples.error} />}
      {!value && !samples.error && (
        <Skeleton
          variant="rect"
          height={200}
          data-testid="queue-samples-skeleton"
        />
      )}
      {value && (
        <>
          <SourceStatusBanner sources={value.sources} />
          {showsUnredacted && (
            <Alert severity="warning" style={{ marginBottom: 16 }}>
              Unredacted: recipients and bodies are shown as queued. This view
              was recorded in the audit trail.
            </Alert>
          )}
          <Grid container spacing={3}>
            <Grid item xs={12} md={4}>
              <RecipientPatternsCard recipients={value.recipients} />
            </Grid>
            <Grid item xs={12} md={8}>
              <SampleJobsTable jobs={value.jobs} />
            </Grid>
          </Grid>
        </>
      )}
    </InfoCard>
  );
}
