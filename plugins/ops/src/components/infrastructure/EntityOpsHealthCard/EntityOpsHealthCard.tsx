import Skeleton from '@material-ui/lab/Skeleton';
import { InfoCard, ResponseErrorPanel } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  MissingAnnotationEmptyState,
  useEntity,
  useEntityRefLink,
} from '@backstage/plugin-catalog-react';
import { OPS_HEALTH_URL_ANNOTATION } from '@opsconsole/backstage-plugin-ops-common';
import { useEntityHealth } from '../useEntityHealth';
import { isOpsHealthAvailable } from '../../../isOpsHealthAvailable';
import { formatPercent } from '../../shared/format';
import { FactList } from '../../shared/FactList';
import { HealthStatusChip } from '../HealthStatusChip';
import { RelativeTime } from '../../shared/RelativeTime';
import { formatLatency } from '../healthFormat';

const CARD_REFRESH_MS = 30_000;

/** @public */
export interface EntityOpsHealthCardProps {
  /**
   * Path of the Operations tab below the entity page; `ops` unless the app
   * mounted `EntityOpsContent` elsewhere.
   */
  operationsPath?: string;
}

function HealthSummary(props: { entityRef: string }) {
  const { value, error } = useEntityHealth(props.entityRef, {
    intervalMs: CARD_REFRESH_MS,
  });
  if (!value) {
    if (error) {
      return <ResponseErrorPanel error={error} />;
    }
    return (
      <div data-testid="ops-health-card-skeleton">
        <Skeleton variant="text" width="40%" />
        <Skeleton variant="text" />
        <Skeleton variant="text" />
      </div>
    );
  }
  const { target } = value;
  return (
    <FactList>
      <dt>Status</dt>
      <dd>
        <HealthStatusChip status={target.status} reason={target.reason} />
      </dd>
      <dt>Since</dt>
      <dd>
        <RelativeTime value={target.statusSince} />
      </dd>
      <dt>Uptime 24 h</dt>
      <dd>{formatPercent(target.windows['24h']?.uptime)}</dd>
      <dt>Latency p95</dt>
      <dd>{formatLatency(target.latencyP95Ms)}</dd>
      <dt>Failing checks</dt>
      <dd>{target.failingChecks.length}</dd>
    </FactList>
  );
}

/**
 * Compact health card for the entity overview page, linking to the
 * Operations tab.
 *
 * @public
 */
export function EntityOpsHealthCard(props: EntityOpsHealthCardProps) {
  const { operationsPath = 'ops' } = props;
  const { entity } = useEntity();
  const entityLink = useEntityRefLink();

  if (!isOpsHealthAvailable(entity)) {
    return (
      <InfoCard title="Operations health">
        <MissingAnnotationEmptyState annotation={OPS_HEALTH_URL_ANNOTATION} />
      </InfoCard>
    );
  }

  const link = `${entityLink(entity).replace(
    /\/$/,
    '',
  )}/${operationsPath.replace(/^\//, '')}`;
  return (
    <InfoCard
      title="Operations health"
      deepLink={{ title: 'View operations', link }}
    >
      <HealthSummary entityRef={stringifyEntityRef(entity)} />
    </InfoCard>
  );
}
