import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Skeleton from '@material-ui/lab/Skeleton';
import { InfoCard, ResponseErrorPanel } from '@backstage/core-components';
import { useQueueOverview } from '../useQueues';
import { heldJobs } from '../queueFormat';
import { QueueAlerts } from '../QueueAlerts';
import { QueueHistoryCard } from '../QueueHistoryCharts';
import { QueueTable } from '../QueueTable';
import { SourceStatusBanner } from '../../shared/SourceStatusBanner';
import { TenantQueuePanel } from '../TenantQueuePanel';

/** @public */
export interface TenantQueuesProps {
  tenantId: string;
}

/**
 * The Queues section of a tenant: its spike alerts and pause, "Emergency
 * Pause Queue" / "Resume queue" and "Notify tenant admin", its queues,
 * redacted samples with recipient patterns, notices and history.
 */
export function TenantQueues(props: TenantQueuesProps) {
  const { tenantId } = props;
  const overview = useQueueOverview(tenantId);
  const value = overview.value;

  if (!value) {
    if (overview.error) {
      return <ResponseErrorPanel error={overview.error} />;
    }
    return (
      <div data-testid="tenant-queues-skeleton" aria-busy="true">
        <Skeleton variant="rect" height={240} />
      </div>
    );
  }

  const queues = value.queues.filter(queue => queue.tenantId === tenantId);
  return (
    <>
      {overview.error && (
        <ResponseErrorPanel
          error={overview.error}
          title="Could not refresh the queues; showing the last known state"
        />
      )}
      <SourceStatusBanner sources={value.sources} />
      <QueueAlerts
        alerts={value.alerts.filter(alert => alert.tenantId === tenantId)}
      />
      <TenantQueuePanel
        tenantId={tenantId}
        pause={value.pauses.find(pause => pause.tenantId === tenantId)}
        heldJobs={heldJobs(queues)}
        maxAutoResumeHours={value.maxAutoResumeHours}
        onChanged={overview.refresh}
      >
        <Box mb={3}>
          <InfoCard title="Queues" subheader="Refreshed every 15 s">
            {queues.length === 0 ? (
              <Typography variant="body2" color="textSecondary">
                No source reports a queue of tenant {tenantId}.
              </Typography>
            ) : (
              <QueueTable queues={queues} />
            )}
          </InfoCard>
        </Box>
      </TenantQueuePanel>
      <Box mt={3}>
        <QueueHistoryCard tenantId={tenantId} />
      </Box>
    </>
  );
}
