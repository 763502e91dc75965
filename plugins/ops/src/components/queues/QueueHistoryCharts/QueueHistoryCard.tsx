import { useState } from 'react';
import Skeleton from '@material-ui/lab/Skeleton';
import { InfoCard, ResponseErrorPanel } from '@backstage/core-components';
import {
  QUEUE_HISTORY_RANGES,
  QueueHistoryRange,
} from '@opsconsole/backstage-plugin-ops-common';
import { useQueueHistory } from '../useQueues';
import { RangeToggle } from '../../shared/RangeToggle';
import { QueueHistoryCharts } from './QueueHistoryCharts';

/**
 * Depth and throughput history over 1 h / 24 h / 7 d, of every queue or of
 * one tenant's queues.
 */
export function QueueHistoryCard(props: { tenantId?: string }) {
  const { tenantId } = props;
  const [range, setRange] = useState<QueueHistoryRange>('24h');
  const history = useQueueHistory(range, tenantId);
  return (
    <InfoCard
      title="History"
      subheader={
        tenantId ? `Queues of tenant ${tenantId}` : 'All queues of every source'
      }
      action={
        <RangeToggle
          ranges={QUEUE_HISTORY_RANGES}
          value={range}
          onChange={setRange}
        />
      }
    >
      {history.error && <ResponseErrorPanel error={history.error} />}
      {history.value ? (
        <QueueHistoryCharts history={history.value} />
      ) : (
        !history.error && (
          <Skeleton
            variant="rect"
            height={240}
            data-testid="queue-history-skeleton"
          />
        )
      )}
    </InfoCard>
  );
}
